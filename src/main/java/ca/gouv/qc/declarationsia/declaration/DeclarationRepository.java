package ca.gouv.qc.declarationsia.declaration;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface DeclarationRepository extends ListCrudRepository<Declaration, Long>, DeclarationDrafts {

    @Query("select * from declaration where organization_code in (:organizationCodes) order by campaign_year desc, organization_code")
    List<Declaration> findByOrganizations(List<String> organizationCodes);
}
