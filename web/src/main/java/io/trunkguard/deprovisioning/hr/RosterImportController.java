package io.trunkguard.deprovisioning.hr;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.security.UnauthenticatedRefusals;
import io.trunkguard.deprovisioning.RosterEntry;
import io.trunkguard.deprovisioning.RosterOutcome;
import io.trunkguard.deprovisioning.RosterReconciliation;
import io.trunkguard.deprovisioning.RosterRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /hr/roster}: the HR system's full roster as CSV, signed like the webhook
 * ({@link WebhookSignature}). People who disappeared from it or whose end date has come
 * are deprovisioned; see {@link RosterReconciliation}. Answers 200 with what was done;
 * 401 (audited) unsigned, 413 too large, 400 bad CSV, 422 implausible roster.
 */
@RestController
class RosterImportController {

	static final String ACTOR = "client:hr-roster";

	private static final Logger log = LoggerFactory.getLogger(RosterImportController.class);

	private final RosterReconciliation reconciliation;

	private final AuditTrail audit;

	private final HrInputProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final UnauthenticatedRefusals refusals;

	RosterImportController(RosterReconciliation reconciliation, AuditTrail audit, HrInputProperties properties,
			UnauthenticatedRefusals refusals) {
		this.reconciliation = reconciliation;
		this.audit = audit;
		this.refusals = refusals;
		this.properties = properties;
	}

	/** What the import did; case ids as strings. */
	record RosterResponse(String rosterId, int entries, List<String> disappeared, List<String> ended,
			List<String> newCases, List<String> unknownHrIds) {

		static RosterResponse of(RosterOutcome outcome) {
			return new RosterResponse(outcome.rosterId(), outcome.entries(), outcome.disappeared(), outcome.ended(),
					outcome.newCases().stream().map(Object::toString).toList(), outcome.unknownHrIds());
		}
	}

	@PostMapping(path = "/hr/roster",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<?> importRoster(HttpServletRequest request) throws IOException {
		if (!properties.webhookEnabled()) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "HR inputs not configured",
					"set TRUNKGUARD_HR_WEBHOOK_SECRET");
		}
		byte[] body = BoundedBody.read(request, (int) properties.maxRoster().toBytes());
		if (body == null) {
			refuseUnsigned(request, "roster larger than " + properties.maxRoster().toBytes() + " bytes");
			return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Roster too large",
					"the roster must not be larger than " + properties.maxRoster().toBytes() + " bytes");
		}
		Optional<String> refusal = new WebhookSignature(properties.webhookSecret()).refusal(
				request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
				request.getHeader(WebhookSignature.SIGNATURE_HEADER), body, clock.instant(), properties.maxAge());
		if (refusal.isPresent()) {
			refuseUnsigned(request, refusal.get());
			return problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
					"the request is not signed correctly: " + refusal.get());
		}
		List<RosterEntry> entries;
		try {
			entries = RosterCsv.parse(body);
		}
		catch (RosterCsv.BadRoster e) {
			refuse(request, "invalid roster: " + e.getMessage());
			return problem(HttpStatus.BAD_REQUEST, "Invalid roster", e.getMessage());
		}
		try {
			RosterOutcome outcome = reconciliation.reconcile(entries, sha256(body), ACTOR);
			log.info("Roster {} imported: {} entries, {} disappeared, {} ended, {} new case(s)", outcome.rosterId(),
					outcome.entries(), outcome.disappeared().size(), outcome.ended().size(), outcome.newCases().size());
			return ResponseEntity.ok(RosterResponse.of(outcome));
		}
		catch (RosterRefusedException e) {
			refuse(request, e.getMessage());
			return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Implausible roster", e.getMessage());
		}
	}

	/** Not proven to come from HR: anonymous, repeats from one address counted. */
	private void refuseUnsigned(HttpServletRequest request, String reason) {
		log.warn("HR roster from {} refused: {}", request.getRemoteAddr(), reason);
		refusals.record("HR_ROSTER_REFUSED", UnauthenticatedRefusals.ANONYMOUS, "HrRoster", request.getRemoteAddr(),
				Map.of("reason", reason), reason);
	}

	private void refuse(HttpServletRequest request, String reason) {
		log.warn("HR roster from {} refused: {}", request.getRemoteAddr(), reason);
		audit.record(ACTOR, "HR_ROSTER_REFUSED", "HrRoster", null,
				Map.of("reason", reason, "remoteAddress", String.valueOf(request.getRemoteAddr())));
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
