package ca.gouv.qc.declarationsia.form;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/forms")
@Tag(name = "Formulaires", description = "Versions du formulaire de déclaration / Versions of the declaration form")
class FormApiController {

    private final FormVersions forms;

    FormApiController(FormVersions forms) {
        this.forms = forms;
    }

    @Operation(summary = "Every version of the form, newest first")
    @GetMapping
    List<FormVersions.Summary> list() {
        return forms.list();
    }

    @Operation(summary = "One version, whole: its code lists, the catalogue fields it asks and requires, its questions")
    @GetMapping("/{version}")
    FormDefinition get(@PathVariable int version) {
        return forms.get(version);
    }

    @Operation(summary = "Make the next version (coordinators)",
            description = "The whole definition (see the FormDefinition schema), usually the newest one read with GET "
                    + "and changed: version is the next number, basedOn the version it was made from. A code or a "
                    + "question once offered is retired, never removed. A definition that does not hold together "
                    + "(duplicate code or id, missing English label, unknown type, control characters, a category "
                    + "without its Portrait category, a condition on a question that does not exist or on a retired "
                    + "code, more than 300 questions or 600 codes) answers 422 listing every problem with its place; "
                    + "nothing is stored.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FormDefinition create(@RequestBody FormDefinition definition) {
        return forms.create(definition);
    }
}
