package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A published portfolio label in the reader's language: editions freeze the French label (with " (Réseau)" for
 * network bodies), the English pages show the portfolio's English name where the registry has one. The open data
 * and the JSON keep the frozen label: they are the publication itself. {@code ${@portfolioLabels.of(label)}}.
 */
@Component("portfolioLabels")
class PortfolioLabels {

    static final String NETWORK_FR = " (Réseau)";
    static final String NETWORK_EN = " (Network)";

    private final OrganizationService organizations;

    PortfolioLabels(OrganizationService organizations) {
        this.organizations = organizations;
    }

    public String of(String frozenLabel) {
        if (frozenLabel == null || !"en".equals(LocaleContextHolder.getLocale().getLanguage())) {
            return frozenLabel;
        }
        boolean network = frozenLabel.endsWith(NETWORK_FR);
        String name = network ? frozenLabel.substring(0, frozenLabel.length() - NETWORK_FR.length()) : frozenLabel;
        Map<String, String> english = organizations.portfolioNamesInEnglish();
        String translated = english.get(name);
        return translated == null || translated.isBlank() ? frozenLabel : translated + (network ? NETWORK_EN : "");
    }
}
