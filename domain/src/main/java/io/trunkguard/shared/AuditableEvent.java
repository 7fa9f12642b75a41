package io.trunkguard.shared;

import java.time.Instant;
import java.util.Map;

/**
 * A domain event that the audit trail records. The audit module listens to every
 * published event of this type, in the transaction that published it, so a module makes
 * its changes audited by implementing this interface on its events, without depending on
 * the audit module (and the audit module without depending on it).
 */
public interface AuditableEvent {

	/**
	 * Who caused the change: a username, {@code client:<machine client>} or
	 * {@code system:<component>}.
	 */
	String actor();

	/** When the change happened. */
	Instant occurredAt();

	/** The audit action, upper snake case, e.g. {@code GRANT_REVOKED}. */
	String auditAction();

	/** The kind of thing changed, e.g. {@code Grant}. */
	String auditSubjectType();

	/** The id of the thing changed. */
	String auditSubjectId();

	/**
	 * The particulars to record (written as a JSON object with sorted keys); values are
	 * strings, numbers, booleans, lists.
	 */
	Map<String, Object> auditDetails();

	/** A details map that keeps null values (which {@link Map#of} refuses). */
	static Map<String, Object> details(Object... keysAndValues) {
		Map<String, Object> map = new java.util.TreeMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			Object value = keysAndValues[i + 1];
			map.put((String) keysAndValues[i], value == null || value instanceof Number || value instanceof Boolean
					|| value instanceof java.util.Collection<?> ? value : value.toString());
		}
		return map;
	}

}
