package ca.gouv.qc.declarationsia.web;

import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * French first: English only when the user picks it ({@code ?lang=en}) or the browser asks for English first. Either
 * way the page speaks Québec's French or English ({@code fr-CA}, {@code en-CA}), however the language was asked for
 * ({@code ?lang=fr}, a cookie, the browser): numbers, dates and messages are then written the same way on every page.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale FRENCH = Locale.CANADA_FRENCH;

    /** Québec's English for any English, Québec's French for anything else. */
    static Locale quebec(Locale asked) {
        return asked != null && "en".equals(asked.getLanguage()) ? Locale.CANADA : FRENCH;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("langue") {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return quebec(super.resolveLocale(request));
            }

            @Override
            public LocaleContext resolveLocaleContext(HttpServletRequest request) {
                // read when asked, not now: a ?lang= later in this request changes it (LocaleChangeInterceptor)
                LocaleContext resolved = super.resolveLocaleContext(request);
                return new TimeZoneAwareLocaleContext() {
                    @Override
                    public Locale getLocale() {
                        return quebec(resolved.getLocale());
                    }

                    @Override
                    public TimeZone getTimeZone() {
                        return resolved instanceof TimeZoneAwareLocaleContext aware ? aware.getTimeZone() : null;
                    }
                };
            }

            @Override
            public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
                super.setLocaleContext(request, response, context == null || context.getLocale() == null ? context
                        : new SimpleLocaleContext(quebec(context.getLocale())));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            String accepted = request.getHeader("Accept-Language");
            return accepted != null && accepted.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.CANADA : FRENCH;
        });
        return resolver;
    }

    /**
     * Links as the page writes them. The webjars locator (Swagger UI's; Camunda's webapps need the resource chain it
     * switches on) would also have every link a page builds looked up as a static file in every jar, to version it:
     * we version no file, and in the benchmark's profile that search was an eighth of all page rendering.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> linksAsWritten() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
