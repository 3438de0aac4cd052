package ca.gouv.qc.declarationsia.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface OrganizationRepository extends ListCrudRepository<Organization, String> {

    @Query("select * from organization where lower(name_fr) = lower(:nameFr)")
    Optional<Organization> findByNameFrIgnoreCase(String nameFr);

    /** In French alphabetical order ("Cégep de Lévis" before "Cégep Garneau"), not by code points. */
    @Query("select * from organization order by name_fr collate \"fr-CA-x-icu\"")
    List<Organization> findAllOrderByName();

    @Query("select count(*) from organization where active")
    long countActive();
}
