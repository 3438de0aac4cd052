package ca.gouv.qc.declarationsia.declaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.DirectFieldAccessor;

/**
 * The declaration page's form, bound field by field (text inputs, selects, radios), then turned into the
 * {@link DeclarationForm} the API takes, so that both go through the same service and rules.
 */
public class DeclarationPageForm {

    private Integer version;
    private boolean noInitiatives;
    private String contactName;
    private String contactEmail;
    private List<Initiative> initiatives = new ArrayList<>();

    /**
     * One initiative's inputs, a property per field the catalogue says the respondent gives (same name); booleans come
     * as "true", "false" or nothing from radio buttons.
     */
    public static class Initiative {
        private String id;
        private String name;
        private String objectType;
        private String description;
        private String category;
        private String subcategory;
        private String benefits;
        private String phase;
        private String startDate;
        private String productionDate;
        private String retirementDate;
        private Boolean servicesToPopulation;
        private Boolean cybersecurity;
        private Boolean generativeAi;
        private String acquisitionMode;
        private String supplierName;
        private String productName;
        private String personalInformation;
        private String privacyImpactAssessment;
        private String decisionRole;
        private String humanOversight;
        private String riskLevel;
        private String publicDescription;
        /**
         * The answers to the version's questions by question id, as the API takes them (yes or no a boolean, several
         * choices a list); null while none was stored or given. Bound by {@link #bindAnswers}, not as properties.
         */
        private Map<String, Object> answers;

        /** The inputs of a stored initiative: the catalogue's fields the respondent gives, as the form gives them. */
        static Initiative of(InitiativeSnapshot snapshot) {
            Initiative initiative = new Initiative();
            DirectFieldAccessor inputs = new DirectFieldAccessor(initiative);
            for (FieldCatalogue.Field field : FieldCatalogue.asked()) {
                inputs.setPropertyValue(field.name(), field.given(FieldCatalogue.value(field, snapshot)));
            }
            initiative.answers = snapshot.answers() == null ? null : new LinkedHashMap<>(snapshot.answers().values());
            return initiative;
        }

        DeclarationForm.InitiativeForm toForm() {
            DirectFieldAccessor inputs = new DirectFieldAccessor(this);
            Map<String, Object> values = new HashMap<>();
            FieldCatalogue.asked().forEach(field -> values.put(field.name(), inputs.getPropertyValue(field.name())));
            values.put("answers", answers == null ? null : new LinkedHashMap<>(answers));
            return FieldCatalogue.form(values);
        }

        Map<String, Object> answers() {
            return answers == null ? Map.of() : answers;
        }

        // getters and setters for data binding
        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getObjectType() { return objectType; }
        public void setObjectType(String objectType) { this.objectType = objectType; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public String getSubcategory() { return subcategory; }
        public void setSubcategory(String subcategory) { this.subcategory = subcategory; }
        public String getBenefits() { return benefits; }
        public void setBenefits(String benefits) { this.benefits = benefits; }
        public String getPhase() { return phase; }
        public void setPhase(String phase) { this.phase = phase; }
        public String getStartDate() { return startDate; }
        public void setStartDate(String startDate) { this.startDate = startDate; }
        public String getProductionDate() { return productionDate; }
        public void setProductionDate(String productionDate) { this.productionDate = productionDate; }
        public String getRetirementDate() { return retirementDate; }
        public void setRetirementDate(String retirementDate) { this.retirementDate = retirementDate; }
        public Boolean getServicesToPopulation() { return servicesToPopulation; }
        public void setServicesToPopulation(Boolean value) { this.servicesToPopulation = value; }
        public Boolean getCybersecurity() { return cybersecurity; }
        public void setCybersecurity(Boolean cybersecurity) { this.cybersecurity = cybersecurity; }
        public Boolean getGenerativeAi() { return generativeAi; }
        public void setGenerativeAi(Boolean generativeAi) { this.generativeAi = generativeAi; }
        public String getAcquisitionMode() { return acquisitionMode; }
        public void setAcquisitionMode(String acquisitionMode) { this.acquisitionMode = acquisitionMode; }
        public String getSupplierName() { return supplierName; }
        public void setSupplierName(String supplierName) { this.supplierName = supplierName; }
        public String getProductName() { return productName; }
        public void setProductName(String productName) { this.productName = productName; }
        public String getPersonalInformation() { return personalInformation; }
        public void setPersonalInformation(String value) { this.personalInformation = value; }
        public String getPrivacyImpactAssessment() { return privacyImpactAssessment; }
        public void setPrivacyImpactAssessment(String value) { this.privacyImpactAssessment = value; }
        public String getDecisionRole() { return decisionRole; }
        public void setDecisionRole(String decisionRole) { this.decisionRole = decisionRole; }
        public String getHumanOversight() { return humanOversight; }
        public void setHumanOversight(String humanOversight) { this.humanOversight = humanOversight; }
        public String getRiskLevel() { return riskLevel; }
        public void setRiskLevel(String riskLevel) { this.riskLevel = riskLevel; }
        public String getPublicDescription() { return publicDescription; }
        public void setPublicDescription(String publicDescription) { this.publicDescription = publicDescription; }
    }

    static DeclarationPageForm of(Declaration declaration) {
        DeclarationPageForm form = new DeclarationPageForm();
        form.version = declaration.version();
        form.noInitiatives = declaration.noInitiatives();
        form.contactName = declaration.contact() == null ? null : declaration.contact().name();
        form.contactEmail = declaration.contact() == null ? null : declaration.contact().email();
        declaration.initiatives().forEach(snapshot -> form.initiatives.add(Initiative.of(snapshot)));
        return form;
    }

    /**
     * Takes out an initiative added this year (the page offers it for those only): one carried over from last year must
     * stay, updated or retired, so a request to take it out changes nothing.
     */
    void remove(String index, java.util.Set<String> carriedOver) {
        int position;
        try {
            position = Integer.parseInt(index);
        } catch (NumberFormatException notANumber) {
            return;
        }
        if (position >= 0 && position < initiatives.size() && !carriedOver.contains(initiatives.get(position).getId())) {
            initiatives.remove(position);
        }
    }

    /** The request parameter of an initiative's answer to a question ({@code answers[3].guidanceFollowed}). */
    static String answerName(int index, String questionId) {
        return "answers[" + index + "]." + questionId;
    }

    /**
     * Lays the page's answers over the stored ones, question by question, as the data binder does the fields: an
     * answer sent replaces the stored one (blank clears it), a question the page sent nothing for keeps it, but a
     * group of boxes sends its marker ({@code _answers[3].kinds}) so that none ticked clears it. Yes or no comes as
     * "true" or "false", several choices as one value per box; what is not well formed is passed on as sent, for
     * the version's rules to refuse it by the question's name.
     */
    void bindAnswers(List<DeclarationAnswers.Question> questions, Map<String, String[]> parameters) {
        if (questions.isEmpty()) {
            return;
        }
        for (int i = 0; i < initiatives.size(); i++) {
            Initiative initiative = initiatives.get(i);
            Map<String, Object> answers = initiative.answers == null ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(initiative.answers);
            for (DeclarationAnswers.Question question : questions) {
                String name = answerName(i, question.id());
                String[] sent = parameters.get(name);
                if (sent == null && !parameters.containsKey("_" + name)) {
                    continue;
                }
                Object value = answer(question.kind(), sent == null ? new String[0] : sent);
                if (value == null) {
                    answers.remove(question.id());
                } else {
                    answers.put(question.id(), value);
                }
            }
            initiative.answers = answers;
        }
    }

    private static Object answer(DeclarationAnswers.Kind kind, String[] sent) {
        List<String> given = java.util.Arrays.stream(sent).filter(value -> value != null && !value.isBlank())
                .map(String::strip).toList();
        if (given.isEmpty()) {
            return null;
        }
        return switch (kind) {
            case SEVERAL_CHOICES -> given;
            case YES_NO -> "true".equals(given.get(0)) ? Boolean.TRUE : "false".equals(given.get(0)) ? Boolean.FALSE
                    : given.get(0);
            // one value is expected: several are passed on for the rules to refuse
            case ONE_CHOICE, SHORT_TEXT, LONG_TEXT, MONTH -> given.size() == 1 ? given.get(0) : given;
        };
    }

    DeclarationForm toForm() {
        return new DeclarationForm(noInitiatives, new DeclarationForm.Person(contactName, contactEmail), version,
                initiatives.stream().map(Initiative::toForm).toList());
    }

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public boolean isNoInitiatives() { return noInitiatives; }
    public void setNoInitiatives(boolean noInitiatives) { this.noInitiatives = noInitiatives; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public List<Initiative> getInitiatives() { return initiatives; }
    public void setInitiatives(List<Initiative> initiatives) { this.initiatives = initiatives; }
}
