package io.trunkguard.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A process variable with its name and type, declared once in the process class (the idea
 * of camunda-bpm-data's {@code VariableFactory}, by hand): delegates read and write it
 * without casts, and an id travels as its text while the code sees the id type.
 *
 * <pre>
 * static final ProcessVariable&lt;CampaignId&gt; CAMPAIGN_ID = ProcessVariable.string("campaignId")
 * 	.as(CampaignId::of, CampaignId::toString);
 * CampaignId id = CAMPAIGN_ID.from(execution);
 * </pre>
 *
 * @param <T> the type the code sees
 */
public final class ProcessVariable<T> {

	private final String name;

	private final Function<Object, T> read;

	private final Function<T, Object> write;

	private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
		this.name = Objects.requireNonNull(name, "name");
		this.read = read;
		this.write = write;
	}

	/** A variable stored as {@code type} (String, Boolean, Date, a List, ...). */
	public static <T> ProcessVariable<T> of(String name, Class<T> type) {
		return new ProcessVariable<>(name, value -> {
			if (value != null && !type.isInstance(value)) {
				throw new IllegalStateException("process variable " + name + " holds a "
						+ value.getClass().getSimpleName() + ", not a " + type.getSimpleName());
			}
			return type.cast(value);
		}, value -> value);
	}

	/**
	 * A list variable whose elements are {@code element}s (the engine keeps lists
	 * serialized; a wrong element is refused when read).
	 */
	public static <E> ProcessVariable<java.util.List<E>> list(String name, Class<E> element) {
		return new ProcessVariable<>(name, value -> {
			if (value == null) {
				return null;
			}
			if (!(value instanceof java.util.List<?> list)) {
				throw new IllegalStateException(
						"process variable " + name + " holds a " + value.getClass().getSimpleName() + ", not a list");
			}
			for (Object e : list) {
				if (e != null && !element.isInstance(e)) {
					throw new IllegalStateException("process variable " + name + " holds a "
							+ e.getClass().getSimpleName() + " among its " + element.getSimpleName() + "s");
				}
			}
			@SuppressWarnings("unchecked")
			java.util.List<E> typed = (java.util.List<E>) list;
			return typed;
		}, value -> value == null ? null : new java.util.ArrayList<>(value));
	}

	public static ProcessVariable<String> string(String name) {
		return of(name, String.class);
	}

	/**
	 * The same variable seen as another type: {@code fromStored} turns the stored value
	 * into it, {@code toStored} back (null stays null both ways).
	 */
	public <R> ProcessVariable<R> as(Function<T, R> fromStored, Function<R, T> toStored) {
		return new ProcessVariable<>(name, value -> {
			T stored = read.apply(value);
			return stored == null ? null : fromStored.apply(stored);
		}, value -> write.apply(value == null ? null : toStored.apply(value)));
	}

	/** The name the BPMN model and the engine know it by. */
	public String name() {
		return name;
	}

	/**
	 * The value visible from {@code scope} (its own or an enclosing scope's), or null.
	 */
	public T from(VariableScope scope) {
		return read.apply(scope.getVariable(name));
	}

	/** The value in a variable map (as the engine returns them), or null. */
	public T from(Map<String, ?> variables) {
		return read.apply(variables.get(name));
	}

	/** Sets the value where the variable already lives, or on the process instance. */
	public void set(VariableScope scope, T value) {
		scope.setVariable(name, write.apply(value));
	}

	/** Sets the value on {@code scope} itself (e.g. one multi-instance element). */
	public void setLocal(VariableScope scope, T value) {
		scope.setVariableLocal(name, write.apply(value));
	}

	/** Puts the value into a map of variables to start or correlate with. */
	public void put(Map<String, Object> variables, T value) {
		variables.put(name, write.apply(value));
	}

	@Override
	public String toString() {
		return name;
	}

}
