package ca.gouv.qc.declarationsia.shared.web;

import java.time.LocalDate;
import java.time.YearMonth;

/** What a value of the wrong type was expected to be, as the error message says it. */
final class TypeNames {

    private TypeNames() {
    }

    static String messageKey(Class<?> type) {
        if (type == null) {
            return "validation.type.invalid";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "validation.type.integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "validation.boolean";
        }
        if (type == LocalDate.class) {
            return "validation.type.date";
        }
        if (type == YearMonth.class) {
            return "validation.month";
        }
        if (type.isEnum()) {
            return "validation.type.code";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "validation.type.list";
        }
        if (type == String.class) {
            return "validation.type.text";
        }
        return "validation.type.object";
    }
}
