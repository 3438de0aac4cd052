package ca.gouv.qc.declarationsia.declaration;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every field a declaration asks, once: the declaration's own (its contact, "no initiative this year") and each
 * initiative's, in the order of the declaration's page. For each: its API name, its type (text with its lengths, a code
 * of a code list, yes or no, a month), its label, the section of the page it sits in, whether a reviewer may comment
 * on it, whether it carries over to next year, and its column in the open data.
 *
 * <p>Read from here: the page's inputs and the order of its errors, the CSV template, import and list of codes, the
 * review page (its comparison and the fields a comment may name), the labels of a comment (declaration page, history),
 * the open data's headings, the draft's columns in {@code initiative_snapshot} and the carry-over's. The API's records
 * ({@link DeclarationForm.InitiativeForm}, {@link InitiativeSnapshot}) and the page's
 * {@link DeclarationPageForm.Initiative} hold one member per field, in this order, and the form's constraints say what
 * the catalogue says (FieldCatalogueTest checks both).
 *
 * <p>What a field must satisfy to be submitted is {@link DeclarationRules}'; what the ministry's reviewer alone sets
 * ({@link Source#MINISTRY}) is never on the respondent's page, API input or CSV. A versioned form (which fields a
 * campaign asks and requires, which codes its lists offer) would narrow {@link #asked()} and {@link Field#codes()}.
 */
public final class FieldCatalogue {

    /** Whether a field belongs to the declaration itself or to each of its initiatives. */
    public enum Scope { DECLARATION, INITIATIVE }

    /**
     * How a value is given: the system's identifier, a line of text, a paragraph, a code of the field's code list, yes
     * or no, a month (YYYY-MM).
     */
    public enum Type { ID, LINE, PARAGRAPH, CODE, YES_NO, MONTH }

    /** Who gives the value: the body's respondent (page, API, CSV), or the ministry's reviewer before publication. */
    public enum Source { RESPONDENT, MINISTRY }

    /** The sections of the declaration page, by the bundle key of their heading. */
    static final String IDENTITY = "declaration.section.identity";
    static final String LIFECYCLE = "declaration.section.lifecycle";
    static final String USE = "declaration.section.use";
    static final String RESPONSIBLE = "declaration.section.responsible";

    /**
     * One field.
     *
     * @param minLength the fewest characters a submitted text may have (0: no minimum)
     * @param maxLength the most characters a text may have (0: not a text)
     * @param codeList the codes a {@link Type#CODE} takes (today's enums), null otherwise
     * @param section the bundle key of the page's section showing its input, null when the page shows none
     * @param openDataColumn its column in the open data, null when never published
     * @param carriedOver whether last year's value comes into the next year's declaration with the initiative
     */
    public record Field(String name, Scope scope, Type type, Source source, int minLength, int maxLength,
            Class<? extends Enum<?>> codeList, String section, boolean commentable, String openDataColumn,
            boolean carriedOver) {

        /** The bundle key of its label: {@code field.initiatives.<name>}, or {@code field.<name>} for the declaration's. */
        public String labelKey() {
            if (scope == Scope.DECLARATION) {
                return "contact".equals(name) ? "field.contact.name" : "field." + name;
            }
            return "field.initiatives." + name;
        }

        /** The bundle key of a code's label ({@code category.TRAITEMENT_IMAGE}). */
        public String codeLabelKey(String code) {
            return name + "." + code;
        }

        /** The codes a coded field takes, in their list's order; empty for any other field. */
        public List<String> codes() {
            return codeList == null ? List.of()
                    : Arrays.stream(codeList.getEnumConstants()).map(Enum::name).toList();
        }

        public boolean coded() {
            return type == Type.CODE;
        }

        public boolean yesNo() {
            return type == Type.YES_NO;
        }

        /** Whether the respondent gives it for an initiative: an input of the page, a member of the API's form, a CSV column. */
        public boolean asked() {
            return scope == Scope.INITIATIVE && source == Source.RESPONDENT;
        }

        /** Whether the declaration page shows an input for it. */
        public boolean onPage() {
            return section != null;
        }

        /** Its column in {@code initiative_snapshot}: the name in snake case ({@code id}: {@code initiative_id}). */
        public String column() {
            return "id".equals(name) ? "initiative_id" : name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * A value as the API's form gives it (text, code or month as text, yes or no), as stored: text stripped, a code
         * its enum, a month a {@link java.time.YearMonth}, nothing as null. The form's validation came first.
         */
        public Object stored(Object given) {
            if (given == null || given instanceof String text && text.isBlank()) {
                return null;
            }
            return switch (type) {
                case CODE -> code(codeList, given.toString());
                case MONTH -> java.time.YearMonth.parse(given.toString());
                case YES_NO -> given;
                case ID, LINE, PARAGRAPH -> given.toString().strip();
            };
        }

        /** A value as its column holds it (codes by their name, months as YYYY-MM), text as it is. */
        public Object read(String column) {
            return column == null || type == Type.ID || type == Type.LINE || type == Type.PARAGRAPH ? column
                    : stored(column);
        }

        /** A stored value as the API's form and the CSV give it: a code by its name, a month as YYYY-MM. */
        public Object given(Object stored) {
            return stored instanceof Enum<?> code ? code.name()
                    : stored instanceof java.time.YearMonth month ? month.toString() : stored;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object code(Class<? extends Enum<?>> codes, String code) {
            return Enum.valueOf((Class) codes, code);
        }

        private Field published(String column) {
            return new Field(name, scope, type, source, minLength, maxLength, codeList, section, commentable, column,
                    carriedOver);
        }

        private Field setByMinistry() {
            return new Field(name, scope, type, Source.MINISTRY, minLength, maxLength, codeList, null, false,
                    openDataColumn, carriedOver);
        }

        private Field notCarriedOver() {
            return new Field(name, scope, type, source, minLength, maxLength, codeList, section, commentable,
                    openDataColumn, false);
        }
    }

    private static final List<Field> DECLARATION = List.of(
            new Field("contact", Scope.DECLARATION, Type.LINE, Source.RESPONDENT, 0, 200, null, null, true, null, false),
            new Field("noInitiatives", Scope.DECLARATION, Type.YES_NO, Source.RESPONDENT, 0, 0, null, null, true, null,
                    false));

    private static final List<Field> INITIATIVE = List.of(
            new Field("id", Scope.INITIATIVE, Type.ID, Source.RESPONDENT, 0, 30, null, null, false, null, true)
                    .published("Identifiant"),
            line("name", 3, 200, IDENTITY).published("Nom de l'actif, du projet ou de l'initiative"),
            code("objectType", ObjectType.class, IDENTITY),
            paragraph("description", 20, 3500, IDENTITY),
            code("category", Category.class, IDENTITY).published("Catégorie"),
            code("subcategory", Subcategory.class, IDENTITY),
            paragraph("benefits", 0, 2500, IDENTITY).published("Bénéfices"),
            // published as the status it maps to (Phase.publishedStatus)
            code("phase", Phase.class, LIFECYCLE).published("Statut"),
            month("startDate", LIFECYCLE),
            month("productionDate", LIFECYCLE),
            month("retirementDate", LIFECYCLE),
            yesNo("servicesToPopulation", USE),
            yesNo("cybersecurity", USE),
            yesNo("generativeAi", USE),
            code("acquisitionMode", AcquisitionMode.class, USE),
            line("supplierName", 0, 200, USE),
            line("productName", 0, 200, USE),
            code("personalInformation", PersonalInformation.class, RESPONSIBLE),
            code("privacyImpactAssessment", PrivacyImpactAssessment.class, RESPONSIBLE),
            code("decisionRole", DecisionRole.class, RESPONSIBLE),
            code("humanOversight", HumanOversight.class, RESPONSIBLE),
            code("riskLevel", RiskLevel.class, RESPONSIBLE),
            paragraph("publicDescription", 0, 350, RESPONSIBLE),
            line("genericProductName", 0, 200, null).setByMinistry().published("Produit (nom générique)"),
            // a reviewer's reason for one year's "information unavailable"
            paragraph("statusUnavailableReason", 0, 1000, null).setByMinistry().notCarriedOver());

    private static final Map<String, Field> BY_NAME = byName();
    private static final Map<String, String> LABEL_KEYS = BY_NAME.values().stream()
            .collect(Collectors.toUnmodifiableMap(Field::name, Field::labelKey));

    private FieldCatalogue() {
    }

    /** The declaration's own fields. */
    public static List<Field> declaration() {
        return DECLARATION;
    }

    /** Every field of an initiative, the respondent's then the ministry's, in the page's order. */
    public static List<Field> initiative() {
        return INITIATIVE;
    }

    /** The fields the respondent gives for an initiative: the API's form, the CSV's columns, in this order. */
    public static List<Field> asked() {
        return INITIATIVE.stream().filter(Field::asked).toList();
    }

    /** The initiative's fields shown as inputs of the declaration page, in their sections' order. */
    public static List<Field> onPage() {
        return INITIATIVE.stream().filter(Field::onPage).toList();
    }

    /** The fields of an initiative whose last year's value comes into the next year's declaration. */
    public static List<Field> carriedOver() {
        return INITIATIVE.stream().filter(Field::carriedOver).toList();
    }

    /** The fields a reviewer's comment may name: the declaration's, then an initiative's, in the page's order. */
    public static List<Field> commentable() {
        return java.util.stream.Stream.concat(DECLARATION.stream(), INITIATIVE.stream()).filter(Field::commentable).toList();
    }

    /** The coded fields of an initiative, with their code lists. */
    public static List<Field> coded() {
        return INITIATIVE.stream().filter(Field::coded).toList();
    }

    /** A field of the declaration or of an initiative, by its API name. */
    public static Optional<Field> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** Every field's label key by its name: for pages that label a field named in data (a reviewer's comment). */
    public static Map<String, String> labelKeys() {
        return LABEL_KEYS;
    }

    /** The value of a field in a record of the API that holds it by the same name (the snapshot's id: initiativeId). */
    public static Object value(Field field, Record initiative) {
        Method accessor = Accessors.of(initiative.getClass()).get(field.name());
        if (accessor == null) {
            throw new IllegalArgumentException(initiative.getClass().getSimpleName() + " has no " + field.name());
        }
        try {
            return accessor.invoke(initiative);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An initiative of the API's form from its values by field name; the fields not given are null. */
    static DeclarationForm.InitiativeForm form(Map<String, ?> values) {
        RecordComponent[] components = DeclarationForm.InitiativeForm.class.getRecordComponents();
        Object[] arguments = Arrays.stream(components).map(component -> values.get(component.getName())).toArray();
        return construct(DeclarationForm.InitiativeForm.class, components, arguments);
    }

    /**
     * An initiative's snapshot from its stored values by field name (see {@link Field#stored}), and the reviewer's
     * "not publishable" flag, which is no field of the form.
     */
    static InitiativeSnapshot snapshot(Map<String, ?> values, boolean notPublishable) {
        RecordComponent[] components = InitiativeSnapshot.class.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            arguments[i] = "notPublishable".equals(name) ? notPublishable
                    : values.get("initiativeId".equals(name) ? "id" : name); // answers: by their name too
        }
        return construct(InitiativeSnapshot.class, components, arguments);
    }

    private static <R extends Record> R construct(Class<R> type, RecordComponent[] components, Object[] arguments) {
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field line(String name, int min, int max, String section) {
        return new Field(name, Scope.INITIATIVE, Type.LINE, Source.RESPONDENT, min, max, null, section, true, null,
                true);
    }

    private static Field paragraph(String name, int min, int max, String section) {
        return new Field(name, Scope.INITIATIVE, Type.PARAGRAPH, Source.RESPONDENT, min, max, null, section, true, null,
                true);
    }

    private static Field code(String name, Class<? extends Enum<?>> codes, String section) {
        return new Field(name, Scope.INITIATIVE, Type.CODE, Source.RESPONDENT, 0, 0, codes, section, true, null, true);
    }

    private static Field month(String name, String section) {
        return new Field(name, Scope.INITIATIVE, Type.MONTH, Source.RESPONDENT, 0, 0, null, section, true, null, true);
    }

    private static Field yesNo(String name, String section) {
        return new Field(name, Scope.INITIATIVE, Type.YES_NO, Source.RESPONDENT, 0, 0, null, section, true, null, true);
    }

    private static Map<String, Field> byName() {
        Map<String, Field> fields = new LinkedHashMap<>();
        DECLARATION.forEach(field -> fields.put(field.name(), field));
        INITIATIVE.forEach(field -> fields.put(field.name(), field));
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** The accessors of a record's components by field name, looked up once per record type. */
    private static final class Accessors {

        private static final Map<Class<?>, Map<String, Method>> BY_TYPE = new java.util.concurrent.ConcurrentHashMap<>();

        static Map<String, Method> of(Class<?> type) {
            return BY_TYPE.computeIfAbsent(type, record -> Arrays.stream(record.getRecordComponents())
                    .collect(Collectors.toMap(component -> "initiativeId".equals(component.getName()) ? "id"
                            : component.getName(), RecordComponent::getAccessor, (a, b) -> a, LinkedHashMap::new)));
        }
    }
}
