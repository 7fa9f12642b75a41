package io.trunkguard.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a control's narrative: how the organisation meets the criterion, as a
 * compliance lead wrote it. Never changed; an edit is a new version.
 */
@Entity
@Table(name = "control_narrative")
public class ControlNarrative {

	/** The longest narrative kept. */
	public static final int MAX_TEXT = 8000;

	@Id
	private UUID id;

	@Column(name = "control_code", nullable = false, length = 10)
	private String controlCode;

	@Column(nullable = false)
	private int version;

	@Column(nullable = false, length = MAX_TEXT)
	private String text;

	@Column(name = "written_by", nullable = false, length = 200)
	private String writtenBy;

	@Column(name = "written_at", nullable = false)
	private Instant writtenAt;

	protected ControlNarrative() {
		// for JPA
	}

	ControlNarrative(String controlCode, int version, String text, String writtenBy, Instant writtenAt) {
		this.id = UUID.randomUUID();
		this.controlCode = controlCode;
		this.version = version;
		this.text = text;
		this.writtenBy = writtenBy;
		this.writtenAt = writtenAt;
	}

	public UUID getId() {
		return id;
	}

	public String getControlCode() {
		return controlCode;
	}

	public int getVersion() {
		return version;
	}

	public String getText() {
		return text;
	}

	public String getWrittenBy() {
		return writtenBy;
	}

	public Instant getWrittenAt() {
		return writtenAt;
	}

}
