package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What submitting adds to the draft: the attestation and who signs it. */
public record SubmitForm(Boolean attestation, @NotNull @Valid Signatory signatory) {

    public record Signatory(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Size(max = 200) @PlainText String role,
            @NotBlank @Email @Size(max = 254) @PlainText String email) {
    }
}
