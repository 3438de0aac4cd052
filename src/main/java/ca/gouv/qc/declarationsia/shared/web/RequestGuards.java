package ca.gouv.qc.declarationsia.shared.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** What guards every request before the product reads it, and how its refusals are answered. */
@Configuration(proxyBeanMethods = false)
class RequestGuards {

    /** Before Spring Security, so that a NUL in a parameter never reaches a login, a filter or a query. */
    @Bean
    FilterRegistrationBean<RequestTextGuard> requestTextGuard() {
        FilterRegistrationBean<RequestTextGuard> registration = new FilterRegistrationBean<>(new RequestTextGuard());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /**
     * Tomcat would refuse an encoded slash ({@code ..%2F..%2Fetc}) itself, with its own HTML page; passed through,
     * Spring Security's firewall refuses it, answered like every other refusal.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /**
     * An address Tomcat refuses before any filter (a NUL in the path) is answered by the host's error report: ours,
     * in place of Tomcat's HTML page and of the one Spring Boot adds. Added last, so it runs before any other.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(ObjectProvider<Problems> problems) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(problems));
            }
        });
    }

    /** Spring Security's firewall (an encoded slash, a {@code ;} in the path…) answers as every other refusal. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> new Refusal(HttpStatus.BAD_REQUEST, "error.request.rejected",
                List.of(new Refusal.Item("path", "Rejected", "validation.path.rejected")))
                .send(request, response);
    }
}
