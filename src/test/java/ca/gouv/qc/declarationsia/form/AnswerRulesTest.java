package ca.gouv.qc.declarationsia.form;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.form.FormDefinition.Code;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import ca.gouv.qc.declarationsia.form.FormDefinition.When;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * An initiative's answers follow its campaign's version: a draft refuses answers to questions the version does not ask
 * and values of the wrong type, naming the question; a submission needs every required answer, a conditional one only
 * when its condition holds.
 */
class AnswerRulesTest {

    private final AnswerRules rules = new AnswerRules(messages());

    private final FormDefinition form = new FormDefinition(2, 1,
            Map.of("impactAssessment", List.of(new Code("REALISEE", "Réalisée", "Done", false, null),
                    new Code("EN_COURS", "En cours", "Under way", false, null),
                    new Code("ABANDONNEE", "Abandonnée", "Abandoned", true, null))),
            Map.of(), List.of(
                    question("guidanceFollowed", "YES_NO", true, new When("generativeAi", null, "true")),
                    question("whyNot", "LONG_TEXT", true, new When(null, "guidanceFollowed", "false")),
                    question("publicInformationPage", "SHORT_TEXT", false, null),
                    new Question("impact", "ONE_CHOICE", "Évaluation d’impact", "Impact assessment", null, null,
                            "impactAssessment", true, false, false, null),
                    new Question("oldQuestion", "MONTH", "Ancienne", "Old", null, null, null, false, false, true, null)));

    @org.junit.jupiter.api.BeforeEach
    void inFrench() {
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void a_draft_refuses_answers_to_questions_the_version_does_not_ask_and_wrong_types_naming_each() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("notAQuestion", "oui");
        answers.put("oldQuestion", "2024-05");
        answers.put("guidanceFollowed", "oui");
        answers.put("impact", "ABANDONNEE");
        answers.put("publicInformationPage", "https://quebec.ca/\u0007");
        answers.put("whyNot", null);

        List<Violation> refused = rules.shape(form, 3, answers);

        assertThat(refused).extracting(Violation::path).containsExactly("initiatives[3].answers.notAQuestion",
                "initiatives[3].answers.oldQuestion", "initiatives[3].answers.guidanceFollowed",
                "initiatives[3].answers.impact", "initiatives[3].answers.publicInformationPage");
        assertThat(refused).extracting(Violation::code).containsExactly("UnknownQuestion", "UnknownQuestion", "Type",
                "Type", "Type");
        assertThat(refused.get(0).message()).contains("ne pose pas la question notAQuestion");
        assertThat(refused.get(2).message())
                .isEqualTo("« Suivez-vous les lignes directrices? » (guidanceFollowed) : doit être true ou false");
        assertThat(refused.get(3).message()).endsWith("doit être un des codes offerts : REALISEE, EN_COURS");

        assertThat(rules.shape(form, 0, Map.of("guidanceFollowed", true, "impact", "EN_COURS",
                "publicInformationPage", "https://quebec.ca/ia"))).isEmpty();
    }

    @Test
    void a_submission_needs_the_required_answers_and_a_conditional_one_only_when_its_condition_holds() {
        Map<String, Object> generative = Map.of("generativeAi", true);

        assertThat(rules.missing(form, 0, generative::get, Map.of())).extracting(Violation::path)
                .containsExactly("initiatives[0].answers.guidanceFollowed", "initiatives[0].answers.impact");
        assertThat(rules.missing(form, 0, Map.<String, Object>of("generativeAi", false)::get, Map.of("impact", "EN_COURS")))
                .isEmpty();
        assertThat(rules.missing(form, 0, generative::get, Map.of("guidanceFollowed", false, "impact", "EN_COURS")))
                .extracting(Violation::path).containsExactly("initiatives[0].answers.whyNot");
        assertThat(rules.missing(form, 0, generative::get, Map.of("guidanceFollowed", true, "impact", "EN_COURS")))
                .isEmpty();
        // a condition on a question not asked of this initiative does not hold, whatever was answered to it
        assertThat(rules.missing(form, 0, Map.<String, Object>of("generativeAi", false)::get,
                Map.of("guidanceFollowed", false, "impact", "EN_COURS"))).isEmpty();

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(rules.missing(form, 2, generative::get, Map.of("impact", "EN_COURS")).get(0).message())
                .isEqualTo("« Do you follow the guidance? » (guidanceFollowed): required");
    }

    private static Question question(String id, String type, boolean required, When when) {
        return new Question(id, type, "whyNot".equals(id) ? "Pourquoi?" : "guidanceFollowed".equals(id)
                ? "Suivez-vous les lignes directrices?" : "Page publique",
                "guidanceFollowed".equals(id) ? "Do you follow the guidance?" : "Why? / Page", null, null, null,
                required, false, false, when);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
