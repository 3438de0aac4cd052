package ca.gouv.qc.declarationsia.security;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A coordinator lets an account be tried again at once, from every address (a person slowed by its own typos). */
@RestController
class AccountUnlockController {

    private final LoginThrottle throttle;
    private final IdentityService identity;

    AccountUnlockController(LoginThrottle throttle, IdentityService identity) {
        this.throttle = throttle;
        this.identity = identity;
    }

    @PostMapping("/api/accounts/{account}/unlock")
    Map<String, Object> unlock(@PathVariable String account) {
        String userId = CamundaIdentityAuthenticationProvider.normalize(account);
        int cleared = throttle.unlock(userId);
        identity.unlockUser(userId);
        return Map.of("account", userId, "addressesCleared", cleared);
    }
}
