package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.form.AnswerTexts;
import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormVersions;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The questions of the form version a declaration's campaign asks (issue 26), as the review reads them: what a reviewer
 * may comment on, and their labels. The campaign's version is read from campaign's view {@code campaign_form}.
 */
@Component
class ReviewQuestions {

    private final JdbcClient jdbc;
    private final FormVersions forms;

    ReviewQuestions(JdbcClient jdbc, FormVersions forms) {
        this.jdbc = jdbc;
        this.forms = forms;
    }

    FormDefinition formOf(int campaignYear) {
        int version = jdbc.sql("select form_version from campaign_form where campaign_year = :year")
                .param("year", campaignYear).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("error.campaign.notFound", campaignYear));
        return forms.get(version);
    }

    /** The labels of the questions the campaign's version asks, by id, in its order and the reader's language. */
    Map<String, String> labels(int campaignYear, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        formOf(campaignYear).askedQuestions().forEach(question -> labels.put(question.id(),
                AnswerTexts.question(question, locale)));
        return labels;
    }
}
