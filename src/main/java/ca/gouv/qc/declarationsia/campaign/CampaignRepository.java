package ca.gouv.qc.declarationsia.campaign;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CampaignRepository extends ListCrudRepository<Campaign, Integer> {

    @Query("select * from campaign where status = 'OUVERTE'")
    Optional<Campaign> findOpen();

    /** Launched before its opening date, waiting for it. */
    @Query("select * from campaign where status = 'PLANIFIEE' and launched_at is not null")
    Optional<Campaign> findScheduled();
}
