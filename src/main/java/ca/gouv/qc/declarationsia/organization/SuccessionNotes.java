package ca.gouv.qc.declarationsia.organization;

import java.util.ArrayList;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a succession recorded late did in the campaign under way, as the registry's pages say it beside their notice
 * (a merger's form and a split's page alike): plain strings, the flash map lives in the (JDBC) session.
 */
@Component
class SuccessionNotes {

    private final MessageSource messages;

    SuccessionNotes(MessageSource messages) {
        this.messages = messages;
    }

    /** Empty when the succession counts only from the next campaign. */
    ArrayList<String> of(Successions.Succession recorded) {
        Locale locale = LocaleContextHolder.getLocale();
        ArrayList<String> notes = new ArrayList<>();
        for (Successions.OpenCampaign open : recorded.openCampaign()) {
            if (!open.carriedInto().isEmpty()) {
                notes.add(messages.getMessage("successions.carriedInto", new Object[] {open.campaignYear(),
                        open.carriedInto().size(), open.successor(), String.join(", ", open.carriedInto())}, locale));
            }
            for (String declaring : open.declaringThemselves()) {
                notes.add(messages.getMessage("successions.declaringThemselves",
                        new Object[] {open.campaignYear(), declaring, open.successor()}, locale));
            }
        }
        return notes;
    }
}
