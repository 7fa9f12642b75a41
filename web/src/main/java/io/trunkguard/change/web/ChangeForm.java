package io.trunkguard.change.web;

import io.trunkguard.change.InfrastructureKind;
import io.trunkguard.change.NewSipChange;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.vendor.VendorId;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The change form as typed, kept whole when it is shown again with errors. */
public class ChangeForm {

	private String kind;

	private String systemName;

	private String vendorId;

	private String summary;

	private String reason;

	private String requestedBy;

	private String appliedOn;

	private boolean touchesEncryption;

	private String captureId;

	/** The draft, or every field in error named. */
	NewSipChange toDraft() {
		Map<String, String> errors = new LinkedHashMap<>();
		InfrastructureKind k = null;
		if (kind != null && !kind.isBlank()) {
			try {
				k = InfrastructureKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				errors.put("kind", "Choose what the change touches: SBC, PBX, proxy or trunk.");
			}
		}
		LocalDate applied = null;
		if (appliedOn != null && !appliedOn.isBlank()) {
			try {
				applied = LocalDate.parse(appliedOn.strip());
			}
			catch (DateTimeParseException e) {
				errors.put("appliedOn", "Give the day as YYYY-MM-DD, e.g. 2026-11-30.");
			}
		}
		VendorId vendor = id(vendorId, VendorId::of, "vendorId", "Choose a carrier from the list.", errors);
		CaptureId capture = id(captureId, CaptureId::of, "captureId", "Choose a capture from the list.", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("change.form", "Some fields need correcting.", errors);
		}
		return new NewSipChange(k, systemName, vendor, summary, reason, requestedBy, applied, touchesEncryption,
				capture);
	}

	private static <T> T id(String text, java.util.function.Function<String, T> parse, String field, String message,
			Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parse.apply(text.strip());
		}
		catch (IllegalArgumentException e) {
			errors.put(field, message);
			return null;
		}
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getSystemName() {
		return systemName;
	}

	public void setSystemName(String systemName) {
		this.systemName = systemName;
	}

	public String getVendorId() {
		return vendorId;
	}

	public void setVendorId(String vendorId) {
		this.vendorId = vendorId;
	}

	public String getSummary() {
		return summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public void setRequestedBy(String requestedBy) {
		this.requestedBy = requestedBy;
	}

	public String getAppliedOn() {
		return appliedOn;
	}

	public void setAppliedOn(String appliedOn) {
		this.appliedOn = appliedOn;
	}

	public boolean isTouchesEncryption() {
		return touchesEncryption;
	}

	public void setTouchesEncryption(boolean touchesEncryption) {
		this.touchesEncryption = touchesEncryption;
	}

	public String getCaptureId() {
		return captureId;
	}

	public void setCaptureId(String captureId) {
		this.captureId = captureId;
	}

}
