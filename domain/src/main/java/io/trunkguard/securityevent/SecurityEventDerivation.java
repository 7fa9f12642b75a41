package io.trunkguard.securityevent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.LoginWords;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningCases;
import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureFinding;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.vendor.EncryptionStatus;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.Vendors;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one audit trail entry into the security events it stands for (none for most): the
 * one place that decides what is a security event. Entries recorded as counted repeats
 * (see the web layer's refusal counting) become one event saying how many there were. An
 * analysed capture becomes one event per anomaly or certificate expiry finding.
 */
@Component
class SecurityEventDerivation {

	static final String SCANNER = "SIP_SCANNER";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, SecurityEventType> FINDING_TYPES = Map.of("REGISTER_BRUTE_FORCE",
			SecurityEventType.REGISTRATION_BRUTE_FORCE, SCANNER, SecurityEventType.SIP_SCANNER, "TOLL_FRAUD_PATTERN",
			SecurityEventType.TOLL_FRAUD, "UNAUTHENTICATED_CALL", SecurityEventType.UNAUTHENTICATED_CALL,
			"CERT_EXPIRED", SecurityEventType.CERTIFICATE_EXPIRY, "CERT_EXPIRING",
			SecurityEventType.CERTIFICATE_EXPIRY);

	private final CaptureService captures;

	private final Vendors vendors;

	private final DeprovisioningCases deprovisioning;

	/**
	 * Looks things up through repositories that answer empty for what is gone (not
	 * through services that throw and would mark the deriver's transaction
	 * rollback-only).
	 */
	SecurityEventDerivation(CaptureService captures, Vendors vendors, DeprovisioningCases deprovisioning) {
		this.captures = captures;
		this.vendors = vendors;
		this.deprovisioning = deprovisioning;
	}

	/** The events of one entry, each with its origin; empty for most entries. */
	List<SecurityEvent> derive(AuditEntry entry, Instant now) {
		Details details = Details.of(entry.getDetails());
		Draft draft = new Draft(entry, details, now);
		return switch (entry.getAction()) {
			case "LOGIN_FAILED" -> List.of(failedLogin(draft));
			case "LOGIN_THROTTLED" -> List.of(throttledLogin(draft));
			case "API_TOKEN_REFUSED" -> List.of(refusedApiToken(draft));
			case "ENDED_LOGIN_REFUSED" -> List.of(endedLogin(draft));
			case "LOGIN_LOCKED_OUT" -> List.of(lockout(draft));
			case "WRITE_REFUSED" -> List.of(refusedRequest(draft, true));
			case "ACCESS_DENIED" -> List.of(refusedRequest(draft, false));
			case "HR_WEBHOOK_REFUSED" -> List.of(refusedHrCall(draft, SecurityEventSource.HR_WEBHOOK, "webhook call"));
			case "HR_ROSTER_REFUSED" -> machineClientOrAnonymous(entry.getActor())
					? List.of(refusedHrCall(draft, SecurityEventSource.HR_ROSTER, "roster import")) : List.of();
			case "SCIM_REFUSED" -> List.of(refusedScim(draft));
			case "DEPROVISIONING_ESCALATED" -> List.of(slaMissed(draft));
			case "VENDOR_ENCRYPTION_STATUS_SET" -> encryptionRegression(draft).map(List::of).orElse(List.of());
			case "CAPTURE_ANALYSED" -> captureFindings(entry, now);
			case "ENCRYPTION_REMEDIATION_OPENED" -> List.of(remediationOpened(draft));
			case "ENCRYPTION_REMEDIATION_ESCALATED" -> List.of(remediationOverdue(draft));
			case "CERTIFICATE_EXPIRY_ALERT" -> List.of(certificateAlert(draft));
			case "MFA_EXCEPTION_OPENED" -> List.of(mfaException(draft));
			default -> List.of();
		};
	}

	private SecurityEvent failedLogin(Draft d) {
		// entries before December 2026 name the method and reason by class name
		String reason = LoginWords.readReason(d.get("reason"));
		if (d.has("reason")) {
			d.fields.put("reason", reason);
		}
		if (d.has("method")) {
			d.fields.put("method", LoginWords.readMethod(d.get("method")));
		}
		if (d.counted()) {
			return d.event(SecurityEventType.FAILED_LOGIN, d.repeatedSeverity(), SecurityEventSource.LOGIN, null,
					"%s more failed logins came from %s between %s and %s%s.".formatted(d.get("repeated"), d.address(),
							d.get("firstRepeatAt"), d.get("lastRepeatAt"), d.examples("names tried")));
		}
		if (d.has("tokenSha256Prefix")) {
			return d.event(SecurityEventType.FAILED_LOGIN, SecuritySeverity.LOW, SecurityEventSource.LOGIN, null,
					"A request from %s with a bearer token that is not valid was refused (%s; token SHA-256 begins %s)."
						.formatted(d.address(), reason, d.get("tokenSha256Prefix")));
		}
		String typed = d.get("typedName");
		return d.event(SecurityEventType.FAILED_LOGIN, SecuritySeverity.LOW, SecurityEventSource.LOGIN, typed,
				"A login as “%s” from %s failed: %s.".formatted(typed, d.address(), reason));
	}

	private SecurityEvent throttledLogin(Draft d) {
		if (d.counted()) {
			return d.event(SecurityEventType.REFUSED_LOGIN, d.repeatedSeverity(), SecurityEventSource.LOGIN, null,
					"%s more logins from %s were refused between %s and %s because sign-in was paused after repeated failures%s."
						.formatted(d.get("repeated"), d.address(), d.get("firstRepeatAt"), d.get("lastRepeatAt"),
								d.examples("names tried")));
		}
		String typed = d.get("typedName");
		return d.event(SecurityEventType.REFUSED_LOGIN, SecuritySeverity.MEDIUM, SecurityEventSource.LOGIN, typed,
				"A login as “%s” from %s was refused because sign-in is paused after repeated failures."
					.formatted(typed, d.address()));
	}

	private SecurityEvent refusedApiToken(Draft d) {
		if (d.counted()) {
			return d.event(SecurityEventType.FAILED_LOGIN, d.repeatedSeverity(), SecurityEventSource.API_TOKEN, null,
					"%s more requests with an unknown, expired or revoked API token came from %s between %s and %s%s."
						.formatted(d.get("repeated"), d.address(), d.get("firstRepeatAt"), d.get("lastRepeatAt"),
								d.examples("requests")));
		}
		return d.event(SecurityEventType.FAILED_LOGIN, SecuritySeverity.LOW, SecurityEventSource.API_TOKEN, null,
				"A request from %s with an unknown, expired or revoked API token was refused.".formatted(d.address()));
	}

	private SecurityEvent endedLogin(Draft d) {
		String who = d.entry.getSubjectId();
		return d.event(SecurityEventType.REFUSED_LOGIN, SecuritySeverity.MEDIUM, SecurityEventSource.LOGIN, who,
				"The %s of “%s” was refused because %s (request %s).".formatted(d.getOr("credential", "login"), who,
						d.getOr("reason", "the account has ended"), d.getOr("request", "unknown")));
	}

	private SecurityEvent lockout(Draft d) {
		boolean account = "account".equals(d.get("locked"));
		String subject = d.entry.getSubjectId();
		String message = account
				? "The account “%s” was locked after repeated failed logins, the last from %s."
					.formatted(d.get("typedName"), d.address())
				: "The address %s was locked after repeated failed logins, the last as “%s”.".formatted(d.address(),
						d.get("typedName"));
		return d.event(SecurityEventType.ACCOUNT_LOCKOUT, SecuritySeverity.HIGH, SecurityEventSource.LOGIN, subject,
				message);
	}

	private SecurityEvent refusedRequest(Draft d, boolean write) {
		String who = d.entry.getActor();
		String role = d.has("role") ? " (" + d.get("role") + ")" : "";
		String request = d.getOr("method", "?") + " " + d.getOr("path", "?");
		return write
				? d.event(SecurityEventType.REFUSED_WRITE, SecuritySeverity.MEDIUM, SecurityEventSource.AUTHORIZATION,
						request,
						"“%s”%s tried to change data with %s and was refused: %s.".formatted(who, role, request,
								d.getOr("reason", "not permitted")))
				: d.event(SecurityEventType.REFUSED_READ, SecuritySeverity.LOW, SecurityEventSource.AUTHORIZATION,
						request, "“%s”%s asked for %s and was refused: %s.".formatted(who, role, request,
								d.getOr("reason", "not permitted")));
	}

	private SecurityEvent refusedHrCall(Draft d, SecurityEventSource source, String what) {
		if (d.counted()) {
			return d.event(SecurityEventType.REFUSED_WEBHOOK, d.repeatedSeverity(), source, null,
					"%s more HR %ss that did not prove to come from HR came from %s between %s and %s%s.".formatted(
							d.get("repeated"), what, d.address(), d.get("firstRepeatAt"), d.get("lastRepeatAt"),
							d.examples("reasons")));
		}
		if (machineClient(d.entry.getActor())) {
			return d.event(SecurityEventType.REFUSED_WEBHOOK, SecuritySeverity.MEDIUM, source, null,
					"A signed HR %s from %s was refused: %s.".formatted(what, d.address(), d.get("reason")));
		}
		return d.event(SecurityEventType.REFUSED_WEBHOOK, SecuritySeverity.HIGH, source, null,
				"An HR %s from %s that did not prove to come from HR was refused: %s.".formatted(what, d.address(),
						d.get("reason")));
	}

	private SecurityEvent refusedScim(Draft d) {
		if (d.counted()) {
			return d.event(SecurityEventType.REFUSED_SCIM_CALL, d.repeatedSeverity(), SecurityEventSource.SCIM, null,
					"%s more SCIM calls without the right token came from %s between %s and %s%s.".formatted(
							d.get("repeated"), d.address(), d.get("firstRepeatAt"), d.get("lastRepeatAt"),
							d.examples("reasons")));
		}
		return d.event(SecurityEventType.REFUSED_SCIM_CALL, SecuritySeverity.HIGH, SecurityEventSource.SCIM,
				d.get("path"), "A SCIM call %s %s from %s was refused: %s.".formatted(d.getOr("method", "?"),
						d.getOr("path", "?"), d.address(), d.get("reason")));
	}

	private SecurityEvent slaMissed(Draft d) {
		String caseId = d.entry.getSubjectId();
		String username = id(() -> DeprovisioningCaseId.of(caseId)).flatMap(deprovisioning::findById)
			.map(DeprovisioningCase::getUsername)
			.orElse("an unknown person");
		d.fields.put("username", username);
		return d.event(SecurityEventType.DEPROVISIONING_SLA_MISSED, SecuritySeverity.HIGH,
				SecurityEventSource.DEPROVISIONING, username,
				"Removing the access of %s (a leaver) on %s missed its SLA: %s.".formatted(username,
						d.getOr("system", "a system"), d.getOr("note", "escalated")));
	}

	private SecurityEvent remediationOpened(Draft d) {
		String carrier = d.getOr("carrier", "an unknown carrier");
		return d.event(SecurityEventType.ENCRYPTION_REMEDIATION, SecuritySeverity.HIGH,
				SecurityEventSource.CARRIER_ENCRYPTION, carrier,
				"A remediation task was opened for %s, owner of carrier %s, due on %s. Cause: %s. %s".formatted(
						ownerNamed(d), carrier, d.getOr("dueOn", "a date to be set"),
						d.getOr("cause", "an encryption finding"),
						shortened(d.getOr("description", "see the carrier's page."))));
	}

	/** "Margaret Okafor (margaret.okafor)", or whichever of the two is known. */
	private static String ownerNamed(Draft d) {
		String name = d.getOr("ownerName", null);
		String login = d.getOr("owner", null);
		if (name != null && login != null && !name.equals(login)) {
			return name + " (" + login + ")";
		}
		return name != null ? name : login != null ? login : "the carrier's owner";
	}

	private static String shortened(String text) {
		return text.length() <= 1200 ? text : text.substring(0, 1199) + "…";
	}

	private SecurityEvent remediationOverdue(Draft d) {
		String carrier = d.getOr("carrier", "an unknown carrier");
		return d.event(SecurityEventType.ENCRYPTION_REMEDIATION_OVERDUE, SecuritySeverity.HIGH,
				SecurityEventSource.CARRIER_ENCRYPTION, carrier,
				"The encryption remediation task of carrier %s on trunk %s, owned by %s, was due on %s and is still open."
					.formatted(carrier, d.getOr("trunk", "unknown"), ownerNamed(d),
							d.getOr("dueOn", "an earlier date")));
	}

	private SecurityEvent mfaException(Draft d) {
		String person = d.getOr("personName", null);
		String username = d.getOr("username", "an unknown person");
		String named = person == null || person.equals(username) ? username : person + " (" + username + ")";
		return d.event(SecurityEventType.PRIVILEGED_ACCESS_WITHOUT_MFA, SecuritySeverity.HIGH,
				SecurityEventSource.MFA_READ, username,
				"An MFA exception was opened for %s about %s, %s on %s: %s".formatted(ownerNamed(d), named,
						d.getOr("role", "a privileged role"), d.getOr("system", "a system"),
						shortened(d.getOr("reason", "no second factor is required of them."))));
	}

	private SecurityEvent certificateAlert(Draft d) {
		String subject = d.getOr("subject", "a certificate");
		return d.event(SecurityEventType.CERTIFICATE_EXPIRY, SecuritySeverity.MEDIUM,
				SecurityEventSource.CERTIFICATE_WATCH, subject,
				"The certificate %s (%s) expires on %s, in %s days or less.".formatted(subject,
						d.getOr("where", "watched by hand"), d.getOr("notAfter", "an unknown date"),
						d.getOr("threshold", "?")));
	}

	private Optional<SecurityEvent> encryptionRegression(Draft d) {
		Optional<EncryptionStatus> previous = status(d.get("previous"));
		Optional<EncryptionStatus> now = status(d.get("status"));
		if (previous.isEmpty() || now.isEmpty() || previous.get() == EncryptionStatus.NO_CAPTURE_ANALYSED
				|| now.get().ordinal() <= previous.get().ordinal()) {
			return Optional.empty();
		}
		String vendor = vendorName(d.entry.getSubjectId());
		d.fields.put("carrier", vendor);
		return Optional.of(d.event(SecurityEventType.ENCRYPTION_REGRESSION, SecuritySeverity.HIGH,
				SecurityEventSource.CARRIER_ENCRYPTION, vendor,
				"The traffic of carrier %s went from %s to %s, as seen in capture %s.".formatted(vendor,
						previous.get().label().toLowerCase(), now.get().label().toLowerCase(),
						d.getOr("captureId", "unknown"))));
	}

	private List<SecurityEvent> captureFindings(AuditEntry entry, Instant now) {
		CaptureId id;
		try {
			id = CaptureId.of(entry.getSubjectId());
		}
		catch (RuntimeException malformed) {
			return List.of();
		}
		Optional<Capture> capture = captures.find(id);
		if (capture.isEmpty()) {
			return List.of();
		}
		List<SecurityEvent> events = new ArrayList<>();
		for (CaptureFinding finding : captures.findings(id)) {
			SecurityEventType type = FINDING_TYPES.get(finding.getRuleId());
			if (type == null) {
				continue;
			}
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("auditSequence", String.valueOf(entry.getSequence()));
			fields.put("captureId", id.toString());
			fields.put("captureFile", capture.get().getFileName());
			fields.put("captureSha256", capture.get().getSha256());
			fields.put("rule", finding.getRuleId());
			fields.put("criterion", finding.getCriterion());
			fields.put("findingSubject", finding.getSubjectType() + " " + finding.getSubjectId());
			fields.put("frames", finding.getFrames().stream().limit(10).map(String::valueOf).toList().toString());
			String carrier = finding.getVendorId() != null ? vendorName(finding.getVendorId().toString())
					: capture.get().getVendorId() != null ? vendorName(capture.get().getVendorId().toString()) : null;
			if (carrier != null) {
				fields.put("carrier", carrier);
			}
			if (finding.getEvidence() != null) {
				fields.put("evidence", finding.getEvidence());
			}
			String explanation = finding.getExplanation().strip();
			String sentence = "Capture %s%s: %s%s".formatted(capture.get().getFileName(),
					carrier == null ? "" : " (carrier " + carrier + ")", explanation,
					explanation.endsWith(".") ? "" : ".");
			SecurityEventSource source = type == SecurityEventType.CERTIFICATE_EXPIRY
					? SecurityEventSource.CERTIFICATE_WATCH : SecurityEventSource.CAPTURE_ANALYSIS;
			events.add(new SecurityEvent("audit:" + entry.getSequence() + "/finding:" + finding.getId(),
					entry.getOccurredAt(), now, type, SecuritySeverity.ofFinding(finding.getSeverity()), source,
					entry.getActor(), finding.getSubjectId(), sentence, fields));
		}
		return events;
	}

	private String vendorName(String vendorId) {
		return id(() -> VendorId.of(vendorId)).flatMap(vendors::findById)
			.map(Vendor::getName)
			.orElse("unknown carrier " + vendorId);
	}

	private static Optional<EncryptionStatus> status(String name) {
		try {
			return Optional.of(EncryptionStatus.valueOf(name));
		}
		catch (RuntimeException unknown) {
			return Optional.empty();
		}
	}

	private static <T> Optional<T> id(java.util.function.Supplier<T> parse) {
		try {
			return Optional.ofNullable(parse.get());
		}
		catch (RuntimeException malformed) {
			return Optional.empty();
		}
	}

	private static boolean machineClient(String actor) {
		return actor.startsWith("client:");
	}

	private static boolean machineClientOrAnonymous(String actor) {
		return machineClient(actor) || "anonymous".equals(actor);
	}

	/** The details of an entry: a JSON object, read leniently. */
	record Details(Map<String, Object> values) {

		static Details of(String json) {
			if (json == null || json.isBlank()) {
				return new Details(Map.of());
			}
			try {
				return new Details(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
				}));
			}
			catch (JsonProcessingException notAnObject) {
				return new Details(Map.of("details", json));
			}
		}

	}

	/**
	 * One event in the making: the entry, its details as fields, and the event's origin.
	 */
	private static final class Draft {

		final AuditEntry entry;

		final Details details;

		final Instant now;

		final Map<String, String> fields = new LinkedHashMap<>();

		Draft(AuditEntry entry, Details details, Instant now) {
			this.entry = entry;
			this.details = details;
			this.now = now;
			fields.put("auditSequence", String.valueOf(entry.getSequence()));
			fields.put("auditAction", entry.getAction());
			details.values().forEach((key, value) -> fields.put(key, text(value)));
		}

		boolean has(String key) {
			return details.values().get(key) != null;
		}

		String get(String key) {
			return text(details.values().get(key));
		}

		String getOr(String key, String otherwise) {
			return has(key) ? get(key) : otherwise;
		}

		boolean counted() {
			return has("repeated");
		}

		SecuritySeverity repeatedSeverity() {
			try {
				return Long.parseLong(get("repeated")) >= 10 ? SecuritySeverity.HIGH : SecuritySeverity.MEDIUM;
			}
			catch (NumberFormatException e) {
				return SecuritySeverity.MEDIUM;
			}
		}

		String address() {
			return getOr("remoteAddress", "an unknown address");
		}

		String examples(String label) {
			Object examples = details.values().get("examples");
			if (examples instanceof Collection<?> list && !list.isEmpty()) {
				return " (" + label + ": " + String.join(", ", list.stream().map(Draft::text).toList()) + ")";
			}
			return "";
		}

		SecurityEvent event(SecurityEventType type, SecuritySeverity severity, SecurityEventSource source,
				String subject, String message) {
			return new SecurityEvent("audit:" + entry.getSequence(), entry.getOccurredAt(), now, type, severity, source,
					entry.getActor(), subject, message, fields);
		}

		private static String text(Object value) {
			if (value == null) {
				return null;
			}
			return value instanceof Collection<?> list ? String.join(", ", list.stream().map(Draft::text).toList())
					: String.valueOf(value);
		}

	}

}
