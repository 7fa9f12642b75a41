package io.trunkguard.securityevent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One security event: when it happened, what kind, how severe, which part reported it,
 * who caused it and what it concerns, a sentence saying what happened, and its fields for
 * a SIEM to search on. Immutable once derived.
 */
@Entity
@Immutable
@Table(name = "security_event")
public class SecurityEvent {

	static final int MAX_MESSAGE = 2000;

	static final int MAX_FIELDS = 8000;

	private static final ObjectMapper JSON = new ObjectMapper();

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 200, updatable = false)
	private String origin;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 40)
	private SecurityEventType type;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private SecuritySeverity severity;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 40)
	private SecurityEventSource source;

	@Column(nullable = false, length = 200)
	private String actor;

	@Column(length = 300)
	private String subject;

	@Column(nullable = false, length = MAX_MESSAGE)
	private String message;

	@Column(nullable = false, length = MAX_FIELDS)
	private String fields;

	protected SecurityEvent() {
		// for JPA
	}

	SecurityEvent(String origin, Instant occurredAt, Instant recordedAt, SecurityEventType type,
			SecuritySeverity severity, SecurityEventSource source, String actor, String subject, String message,
			Map<String, String> fields) {
		this.origin = Objects.requireNonNull(origin, "origin");
		this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
		this.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
		this.type = Objects.requireNonNull(type, "type");
		this.severity = Objects.requireNonNull(severity, "severity");
		this.source = Objects.requireNonNull(source, "source");
		this.actor = cut(actor == null || actor.isBlank() ? "anonymous" : actor, 200);
		this.subject = subject == null ? null : cut(subject, 300);
		this.message = cut(message, MAX_MESSAGE);
		this.fields = json(fields);
	}

	private static String json(Map<String, String> fields) {
		TreeMap<String, String> sorted = new TreeMap<>();
		fields.forEach((key, value) -> {
			if (value != null) {
				sorted.put(key, cut(value, 500));
			}
		});
		try {
			String text = JSON.writeValueAsString(sorted);
			while (text.length() > MAX_FIELDS && !sorted.isEmpty()) {
				sorted.remove(sorted.lastKey());
				text = JSON.writeValueAsString(sorted);
			}
			return text;
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	public Long getId() {
		return id;
	}

	public String getOrigin() {
		return origin;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

	public SecurityEventType getType() {
		return type;
	}

	public SecuritySeverity getSeverity() {
		return severity;
	}

	public SecurityEventSource getSource() {
		return source;
	}

	public String getActor() {
		return actor;
	}

	public String getSubject() {
		return subject;
	}

	public String getMessage() {
		return message;
	}

	/** The structured fields, sorted by name. */
	public Map<String, String> getFields() {
		try {
			return JSON.readValue(fields, new TypeReference<TreeMap<String, String>>() {
			});
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("security event " + id + " has unreadable fields", e);
		}
	}

}
