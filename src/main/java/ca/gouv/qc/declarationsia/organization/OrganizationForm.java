package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.shared.validation.EnumCode;
import ca.gouv.qc.declarationsia.shared.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a coordinator sends to create or update one organization, by API ({@code PUT /api/organizations/{code}})
 * or as one CSV row: both go through the same validation.
 */
public record OrganizationForm(
        @NotBlank @Size(max = 200) @PlainText String nameFr,
        @Size(max = 200) @PlainText String nameEn,
        @Size(max = 30) @PlainText String acronym,
        @NotBlank @EnumCode(LggriCategory.class) String lggriCategory,
        @NotBlank @Size(max = 200) @PlainText String portfolio,
        Boolean network,
        Boolean active,
        @Pattern(regexp = "fr|en", message = "{validation.language}") String preferredLanguage,
        @NotEmpty @Size(max = 20, message = "{validation.list.size}") List<@Valid @NotNull @SignInEmail ContactForm> respondents,
        @NotNull @Valid ContactForm escalationContact) {

    public record ContactForm(
            @Size(max = 200) @PlainText String name,
            @NotBlank @Email @Size(max = 254) @PlainText String email) {
    }
}
