package ca.gouv.qc.declarationsia.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PortfolioRepository extends ListCrudRepository<Portfolio, String> {

    @Query("select * from portfolio order by name_fr")
    List<Portfolio> findAllOrderByName();

    @Query("select * from portfolio where lower(name_fr) = lower(:name) or lower(name_en) = lower(:name)")
    Optional<Portfolio> findByName(String name);
}
