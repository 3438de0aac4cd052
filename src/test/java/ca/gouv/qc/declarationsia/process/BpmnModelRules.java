package ca.gouv.qc.declarationsia.process;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The rules every model in {@code bpmn/} must follow beyond what bpmnlint checks: a diagram for Cockpit and the
 * Modeler, a history time to live, and expressions that name beans which exist.
 */
final class BpmnModelRules {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> BEAN_ATTRIBUTES = Set.of("delegateExpression", "expression");
    private static final Pattern ROOT_IDENTIFIER = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    /** Names the engine itself resolves in expressions. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId", "true", "false");

    private BpmnModelRules() {
    }

    static List<String> problems(String fileName, String xml, Predicate<String> beanExists) {
        List<String> problems = new ArrayList<>();
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(fileName + ": process " + process.getId() + " has no historyTimeToLive");
            }
        }

        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> shape.getBpmnElement() != null)
                .map(shape -> shape.getBpmnElement().getId())
                .collect(Collectors.toSet());
        model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(edge -> edge.getBpmnElement() != null)
                .forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
        List<BaseElement> toDraw = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
        toDraw.addAll(model.getModelElementsByType(SequenceFlow.class));
        toDraw.stream()
                .filter(element -> !drawn.contains(element.getId()))
                .forEach(element -> problems.add(fileName + ": " + element.getId() + " is not in the diagram (BPMNDI)"));

        for (String expression : beanExpressions(xml)) {
            Matcher root = ROOT_IDENTIFIER.matcher(expression);
            if (root.find() && !ENGINE_NAMES.contains(root.group(1)) && !beanExists.test(root.group(1))) {
                problems.add(fileName + ": expression " + expression + " names no bean called " + root.group(1));
            }
        }
        return problems;
    }

    /** Values of camunda:delegateExpression and camunda:expression anywhere in the file (tasks and listeners). */
    private static List<String> beanExpressions(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            List<String> expressions = new ArrayList<>();
            NodeList elements = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < elements.getLength(); i++) {
                NamedNodeMap attributes = ((Element) elements.item(i)).getAttributes();
                for (int j = 0; j < attributes.getLength(); j++) {
                    Attr attribute = (Attr) attributes.item(j);
                    boolean camunda = CAMUNDA_NS.equals(attribute.getNamespaceURI())
                            || (attribute.getNamespaceURI() == null && CAMUNDA_NS.equals(((Element) elements.item(i)).getNamespaceURI()));
                    if (camunda && BEAN_ATTRIBUTES.contains(attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName())) {
                        expressions.add(attribute.getValue());
                    }
                }
            }
            return expressions;
        } catch (Exception e) {
            throw new IllegalArgumentException("Unreadable BPMN XML", e);
        }
    }
}
