package ca.gouv.qc.declarationsia.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Identity settings of the engine: respondents log in with their email address and organization groups are named
 * {@code org-<CODE>}, which Camunda's default id patterns refuse; coordinators administer the Camunda webapps.
 */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

    static final String USER_ID_PATTERN = "[a-zA-Z0-9._@+-]{1,64}";
    static final String GROUP_ID_PATTERN = "[a-zA-Z0-9_-]{1,64}";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setUserResourceWhitelistPattern(USER_ID_PATTERN);
        configuration.setGroupResourceWhitelistPattern(GROUP_ID_PATTERN);
        List<String> adminGroups = new ArrayList<>(List.of("camunda-admin", Roles.COORDINATORS));
        configuration.setAdminGroups(adminGroups);
    }
}
