package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.EngineInternals;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Identity settings of the engine: respondents log in with their email address and organization groups are named
 * {@code org-<CODE>}, which Camunda's default id patterns refuse; coordinators administer the Camunda webapps; no
 * lock-out by the engine; a repeated identity write refused as such.
 */
@Component
class IdentityEnginePlugin extends EngineInternals.EngineSettings {

    /** An email address is a respondent's id: an apostrophe (o'neil@…) included, 64 characters at most (the column). */
    static final String USER_ID_PATTERN = "[a-zA-Z0-9._@+'-]{1,64}";
    static final String GROUP_ID_PATTERN = "[a-zA-Z0-9_-]{1,64}";

    @Override
    protected void configure(EngineInternals.Settings settings) {
        settings.userIds(USER_ID_PATTERN).groupIds(GROUP_ID_PATTERN)
                .adminGroups(List.of("camunda-admin", Roles.COORDINATORS))
                // Camunda's lock-out refuses the right password after any wrong one and locks an account for good
                // after ten: a stranger could keep anyone out. Our LoginThrottle paces guessers by address and
                // account instead.
                .noLoginLockOut()
                // a repeated identity write (a user, group or membership that exists) is the caller's mistake, not a 500
                .refuseRepeatedIdentityWrites();
    }
}
