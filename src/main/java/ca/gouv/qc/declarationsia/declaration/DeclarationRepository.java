package ca.gouv.qc.declarationsia.declaration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface DeclarationRepository extends ListCrudRepository<Declaration, Long> {

    @Query("select * from declaration where campaign_year = :year and organization_code = :organizationCode")
    Optional<Declaration> findByCampaignAndOrganization(int year, String organizationCode);

    @Query("select * from declaration where organization_code in (:organizationCodes) order by campaign_year desc, organization_code")
    List<Declaration> findByOrganizations(List<String> organizationCodes);
}
