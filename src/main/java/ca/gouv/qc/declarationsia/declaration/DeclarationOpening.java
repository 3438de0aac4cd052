package ca.gouv.qc.declarationsia.declaration;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens one organization's declaration for a campaign: its draft row (prefilled with last year's active
 * initiatives) and its {@code organization-declaration} process, in the caller's transaction. The draft's unique key (campaign, organization) makes it happen once, however
 * often a launch step is retried or re-run after a crash.
 */
@Service
public class DeclarationOpening {

    public static final String PROCESS_KEY = "organization-declaration";

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final CarryOver carryOver;

    DeclarationOpening(JdbcClient jdbc, RuntimeService runtime, CarryOver carryOver) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.carryOver = carryOver;
    }

    /** The business key managers search in Cockpit: {@code <year>-<ORGCODE>}. */
    public static String businessKey(int campaignYear, String organizationCode) {
        return campaignYear + "-" + organizationCode;
    }

    /** @return true if opened now, false if it was open already */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean open(int campaignYear, String organizationCode) {
        Optional<Long> draft = createDraft(campaignYear, organizationCode);
        if (draft.isEmpty()) {
            return false;
        }
        ProcessInstance process = runtime.startProcessInstanceByKey(PROCESS_KEY,
                businessKey(campaignYear, organizationCode),
                Map.of("campaignYear", campaignYear, "organizationCode", organizationCode));
        jdbc.sql("update declaration set process_instance_id = :process where id = :id")
                .param("process", process.getId()).param("id", draft.get()).update();
        return true;
    }

    /** The draft row, prefilled with last year's active initiatives; empty if the declaration exists already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> createDraft(int campaignYear, String organizationCode) {
        Optional<Long> created = jdbc.sql("""
                insert into declaration (campaign_year, organization_code, portfolio_code, network)
                select :year, code, portfolio_code, network from organization where code = :organization
                on conflict (campaign_year, organization_code) do nothing
                returning id
                """).param("year", campaignYear).param("organization", organizationCode).query(Long.class).optional();
        created.ifPresent(id -> carryOver.copyInto(id, campaignYear, organizationCode));
        return created;
    }
}
