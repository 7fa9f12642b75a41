package io.trunkguard.workflow;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a process model from the class path for the tests that check it against the
 * Spring context (every {@code delegateExpression} names a bean).
 */
public final class BpmnModels {

	private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

	private BpmnModels() {
	}

	public static BpmnModelInstance read(String resource) {
		try (InputStream bpmn = BpmnModels.class.getClassLoader().getResourceAsStream(resource)) {
			return Bpmn.readModelFromStream(Objects.requireNonNull(bpmn, resource));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The bean names the model's service tasks delegate to. */
	public static Set<String> delegateBeans(BpmnModelInstance model) {
		return model.getModelElementsByType(FlowNode.class)
			.stream()
			.map(node -> node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression"))
			.filter(Objects::nonNull)
			.map(BpmnModels::beanName)
			.collect(Collectors.toSet());
	}

	/**
	 * The bean (or variable) an expression such as {@code ${freezeScopeDelegate}} names.
	 */
	public static String beanName(String expression) {
		Matcher matcher = EXPRESSION.matcher(expression);
		if (!matcher.find()) {
			throw new IllegalArgumentException("not an expression naming a bean: " + expression);
		}
		return matcher.group(1);
	}

}
