package io.trunkguard.trace;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;

/**
 * The analyzer's full JSON report of a capture, kept as it printed it (UTF-8), whatever
 * the domain tables extract from it.
 */
@Entity
@Table(name = "capture_report")
class CaptureReport {

	@EmbeddedId
	@AttributeOverride(name = "value", column = @Column(name = "capture_id"))
	private CaptureId captureId;

	@Column(nullable = false)
	private byte[] content;

	protected CaptureReport() {
		// for JPA
	}

	CaptureReport(CaptureId captureId, String json) {
		this.captureId = captureId;
		this.content = json.getBytes(StandardCharsets.UTF_8);
	}

	void replace(String json) {
		this.content = json.getBytes(StandardCharsets.UTF_8);
	}

	String json() {
		return new String(content, StandardCharsets.UTF_8);
	}

}
