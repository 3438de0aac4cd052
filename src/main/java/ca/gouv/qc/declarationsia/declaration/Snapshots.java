package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.shared.Answers;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** From what the organization typed to what is stored; the fields only a reviewer sets are kept as they were. */
final class Snapshots {

    private Snapshots() {
    }

    static InitiativeSnapshot of(String id, InitiativeForm form, InitiativeSnapshot before) {
        Map<String, Object> values = new HashMap<>();
        for (FieldCatalogue.Field field : FieldCatalogue.initiative()) {
            if (field.source() == FieldCatalogue.Source.MINISTRY) {
                values.put(field.name(), before == null ? null : FieldCatalogue.value(field, before));
            } else {
                values.put(field.name(), field.stored(FieldCatalogue.value(field, form)));
            }
        }
        values.put("id", id);
        // absent: the answers already saved stay (a client that does not send them); {} clears them
        values.put("answers", form.answers() != null ? Answers.of(form.answers()) : before == null ? null : before.answers());
        return FieldCatalogue.snapshot(values, before != null && before.notPublishable());
    }

    static <E extends Enum<E>> E code(Class<E> type, String code) {
        return code == null || code.isBlank() ? null : Enum.valueOf(type, code);
    }

    static YearMonth month(String month) {
        return month == null || month.isBlank() ? null : YearMonth.parse(month);
    }
}
