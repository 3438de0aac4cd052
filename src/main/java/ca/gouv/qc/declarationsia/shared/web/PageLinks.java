package ca.gouv.qc.declarationsia.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to another page of the list being shown, keeping its filters: {@code ${@pageLinks.to(3)}} in a template.
 * Relative to the host, as the language switch's link, so that it works behind a proxy.
 */
@Component("pageLinks")
public class PageLinks {

    public String to(int page) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page).replaceQueryParam("lang")
                .build().toUriString().replaceFirst("^https?://[^/]+", "");
    }
}
