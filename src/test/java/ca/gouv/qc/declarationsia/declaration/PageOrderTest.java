package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declaration page's error summary reads in the order of the page, whatever order the checks found them in. */
class PageOrderTest {

    @Test
    void errors_follow_the_fields_of_the_page_from_the_contact_to_the_signature() {
        List<String> found = List.of("signatory.name", "initiatives[1].name", "initiatives[0].productionDate",
                "something.else", "attestation", "initiatives[0].startDate", "contact.email", "initiatives[0]",
                "contact.name");

        assertThat(PageOrder.sorted(found.stream().map(path -> new Violation(path, "Code", path)).toList()))
                .extracting(Violation::path)
                .containsExactly("contact.name", "contact.email", "initiatives[0]", "initiatives[0].startDate",
                        "initiatives[0].productionDate", "initiatives[1].name", "attestation", "signatory.name",
                        "something.else");
    }

    @Test
    void the_answers_to_the_questions_of_the_version_follow_the_fields_of_their_initiative() {
        List<String> found = List.of("initiatives[1].name", "initiatives[0].answers.guidanceFollowed",
                "initiatives[0].publicDescription", "initiatives[0].name");

        assertThat(PageOrder.sorted(found.stream().map(path -> new Violation(path, "Code", path)).toList()))
                .extracting(Violation::path)
                .containsExactly("initiatives[0].name", "initiatives[0].publicDescription",
                        "initiatives[0].answers.guidanceFollowed", "initiatives[1].name");
    }
}
