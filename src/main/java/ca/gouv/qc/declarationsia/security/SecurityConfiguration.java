package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.EngineInternals;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import ca.gouv.qc.declarationsia.shared.web.Problems;
import ca.gouv.qc.declarationsia.shared.web.WebappPath;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for the whole product: form login for pages, HTTP Basic (or the same session) for {@code /api/**} and
 * {@code /engine-rest/**}, and the Camunda webapps trusting the Spring Security user. Each chain below serves one
 * family of URLs.
 * <p>
 * The URL rules here are coarse, by role only (staff pages, coordinators' tools): a first barrier. Who may read or
 * change what (an organization's declaration, a campaign) is said once, in {@link AccessPolicy}, which services
 * check before they read or write and pages ask before they offer a form; no rule about an organization belongs here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI styles some of its elements inline; it runs no inline script. */
    private static final String API_DOCUMENTATION_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Cockpit, Tasklist and Admin keep their own CSRF filter and session; they need the Spring login first. */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, WebappPath webapp) throws Exception {
        return http.securityMatcher(path(webapp.under("/**")))
                .authorizeHttpRequests(requests -> requests
                        // the first-admin setup would let any logged-in user make itself administrator
                        .requestMatchers(path(webapp.under("/app/admin/*/setup/**")), path(webapp.under("/api/admin/setup/**")))
                        .hasAuthority(Roles.COORDINATORS)
                        .anyRequest().authenticated())
                // their own token (WebappCsrfGuard, then Camunda's filter)
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> referrerPolicy(headers).frameOptions(frame -> frame.sameOrigin()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .build();
    }

    /**
     * The engine REST API: HTTP Basic, checked by our login (so its throttle applies), then handed to Camunda's
     * filter as the authenticated user, so Camunda's authorizations apply. Stateless: no session, hence no CSRF.
     */
    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, ProblemJsonSecurityHandler problems) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(SecurityConfiguration::referrerPolicy)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ProblemJsonSecurityHandler problems) throws Exception {
        return http.securityMatcher(path("/api/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/portraits/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/portraits/**").hasAuthority(Roles.COORDINATORS)
                        // a declaration's own organization reads, saves and submits it; the services check which one
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/declarations/*").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/campaigns/*/declarations/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/campaigns/*/declarations/*/validate",
                                "/api/campaigns/*/declarations/*/submit").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/campaigns/*/declarations/*/review").hasAuthority(Roles.REVIEWERS)
                        .requestMatchers(HttpMethod.POST, "/api/campaigns/**").hasAuthority(Roles.COORDINATORS)
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/**").hasAnyAuthority(Roles.STAFF.toArray(String[]::new))
                        .requestMatchers(HttpMethod.PUT, "/api/organizations/**").hasAuthority(Roles.COORDINATORS)
                        .requestMatchers(HttpMethod.POST, "/api/organizations/**").hasAuthority(Roles.COORDINATORS)
                        .requestMatchers(HttpMethod.GET, "/api/organizations").hasAnyAuthority(Roles.STAFF.toArray(String[]::new))
                        .requestMatchers("/api/accounts/**").hasAuthority(Roles.COORDINATORS)
                        .requestMatchers(HttpMethod.POST, "/api/forms/**").hasAuthority(Roles.COORDINATORS)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // A script sending its credentials with each call cannot be the victim of CSRF; a browser session can.
                // Basic credentials that do not hold end the request with a 401 before anything runs.
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::sendsBasicCredentials))
                .headers(SecurityConfiguration::referrerPolicy)
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/v3/api-docs/**"), path("/swagger-ui/**"),
                        path("/swagger-ui.html")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> referrerPolicy(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_DOCUMENTATION_POLICY)))
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain pages(HttpSecurity http, ProblemJsonSecurityHandler problems, LoginFailures failures,
            SingleSignOnProperties sso, ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<GroupsFromClaims> oidcUsers) throws Exception {
        // Sign-in options (README, "Sign-in"): the password form unless turned off, the identity provider when set
        if (sso.passwordSignIn()) {
            http.formLogin(form -> form.loginPage("/login").failureHandler(failures).permitAll())
                    .httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        LogoutSuccessHandler loggedOut = loggedOut(null);
        String contentSecurityPolicy = CONTENT_SECURITY_POLICY;
        if (sso.enabled()) {
            ClientRegistrationRepository registration = registrations.getObject();
            http.oauth2Login(login -> login.loginPage("/login")
                    .authorizationEndpoint(authorization -> authorization
                            .authorizationRequestResolver(withPkce(registration)))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers.getObject()))
                    .failureHandler(new SingleSignOnFailures()));
            loggedOut = loggedOut(registration);
            // the logout form's redirect to the provider's logout is a form action too (CSP level 2)
            contentSecurityPolicy = CONTENT_SECURITY_POLICY.replace("form-action 'self'",
                    "form-action 'self' " + providerOrigin(registration.findByRegistrationId(SingleSignOnProperties.REGISTRATION_ID)));
        }
        LogoutSuccessHandler afterLogout = loggedOut;
        String pagePolicy = contentSecurityPolicy;
        return http
                .authorizeHttpRequests(requests -> requests
                        // an error page must never turn a 401 or 404 into a login redirect
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/", "/login", "/login/**", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/portrait/**", "/open-data/**", "/actuator/health/**", "/actuator/info").permitAll()
                        // a personal link, and asking for one, come before any sign-in
                        .requestMatchers(SignInLinks.PATH, SignInLinks.PATH + "/**", SignInLinkController.FORGOT_PATH).permitAll()
                        .requestMatchers("/dev/mail/**").hasAuthority(Roles.COORDINATORS)
                        // first barrier by role only; the rules themselves are AccessPolicy's, checked by the services
                        .requestMatchers("/organisations/**", "/campagnes/**", "/revision/**").hasAnyAuthority(Roles.STAFF.toArray(String[]::new))
                        .anyRequest().authenticated())
                // back to the page asked for (an invitation's link), without Spring's "?continue" marker
                .requestCache(cache -> cache.requestCache(pageRequests()))
                .logout(logout -> logout.logoutSuccessHandler(afterLogout))
                .headers(headers -> referrerPolicy(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(pagePolicy)))
                .build();
    }

    /** Where the provider's logout is (its end_session_endpoint, else its issuer), as a CSP source. */
    private static String providerOrigin(org.springframework.security.oauth2.client.registration.ClientRegistration registration) {
        Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        java.net.URI uri = java.net.URI.create(endSession != null ? endSession.toString()
                : registration.getProviderDetails().getIssuerUri());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * The authorization code flow with PKCE (S256), even though the client also has a secret: a code intercepted on
     * its way back is useless without the verifier kept in the session.
     */
    private static OAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /**
     * After our session ends: the home page, or, for a person signed in by the identity provider that has an
     * {@code end_session_endpoint}, that provider's logout first (RP-initiated logout), which sends it back home.
     */
    private static LogoutSuccessHandler loggedOut(ClientRegistrationRepository registrations) {
        String home = "/?deconnexion";
        if (registrations == null) {
            SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
            handler.setDefaultTargetUrl(home);
            return handler;
        }
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}" + home);
        handler.setDefaultTargetUrl(home);
        return handler;
    }

    /** No address of ours (a declaration's, with its organization and year) leaves for another site. */
    private static HeadersConfigurer<HttpSecurity> referrerPolicy(HeadersConfigurer<HttpSecurity> headers) {
        return headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    private static boolean sendsBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && authorization.length() > 6;
    }

    private static org.springframework.security.web.savedrequest.HttpSessionRequestCache pageRequests() {
        var requests = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        requests.setMatchingRequestParameterName(null);
        return requests;
    }

    /**
     * A matcher on the whole path: the webapps and the engine REST API are not served by Spring MVC's dispatcher, so
     * the default (MVC-relative) matching would miss them and let them fall to the pages chain.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** Runs after Spring Security, so the webapps find the logged-in user. */
    @Bean
    FilterRegistrationBean<Filter> webappSingleSignOn(WebappPath webapp) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(EngineInternals.webappAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                SpringSecurityEngineAuthenticationProvider.class.getName()));
        registration.addUrlPatterns(webapp.under("/*"));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /** After the webapps' CSRF guard: a logout in Cockpit, Tasklist or Admin ends our session too. */
    @Bean
    FilterRegistrationBean<WebappLogout> webappLogout(WebappPath webapp) {
        FilterRegistrationBean<WebappLogout> registration = new FilterRegistrationBean<>(new WebappLogout(webapp));
        registration.addUrlPatterns(webapp.under("/api/admin/auth/user/*"));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /** Before the webapps' API and our engine door on it (see {@link WebappCsrfGuard}). */
    @Bean
    FilterRegistrationBean<WebappCsrfGuard> webappCsrfGuard(WebappPath webapp) {
        FilterRegistrationBean<WebappCsrfGuard> registration = new FilterRegistrationBean<>(new WebappCsrfGuard());
        registration.addUrlPatterns(webapp.under("/api/*"));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** After authentication on both engine doors (Tasklist's API and the REST API): our rules for what they change. */
    @Bean
    FilterRegistrationBean<EngineDoorFilter> engineDoors(List<TaskDoor> doors, TaskService tasks, RuntimeService runtime,
            IdentityService identity, AuthorizationService authorizations, ObjectMapper json, MessageSource messages,
            LocaleResolver locales, Problems problems, WebappPath webapp) {
        FilterRegistrationBean<EngineDoorFilter> registration = new FilterRegistrationBean<>(new EngineDoorFilter(
                new EngineRoutes(webapp), new TaskWork(tasks, runtime, identity, authorizations),
                new TaskCompletions(doors, problems), identity, json, messages, locales, problems));
        registration.addUrlPatterns("/engine-rest/*", webapp.under("/api/engine/*"));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
        return registration;
    }

    /** Without it /engine-rest runs with no engine user, so no authorization: Camunda's default. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityEngineAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }
}
