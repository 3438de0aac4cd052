package ca.gouv.qc.declarationsia.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where Camunda's webapps (Cockpit, Tasklist, Admin) and their API are served: one setting,
 * {@code camunda.bpm.webapp.application-path} ({@code /camunda} by default), read by every filter, security rule
 * and page link that names them, so that moving them (or to a successor of the engine) is configuration.
 */
@Component
public class WebappPath {

    public static final String SETTING = "${camunda.bpm.webapp.application-path:/camunda}";

    private final String path;

    public WebappPath(@Value(SETTING) String path) {
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code /camunda}, or where the setting puts the webapps. */
    public String path() {
        return path;
    }

    /** A path under the webapps: {@code under("/app/tasklist/")} is {@code /camunda/app/tasklist/}. */
    public String under(String suffix) {
        return path + suffix;
    }

    /** The same, for a Thymeleaf link: {@code @{${webapp.under('/app/tasklist/')}}}. */
    @Override
    public String toString() {
        return path;
    }
}
