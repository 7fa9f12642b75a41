package io.trunkguard.deprovisioning.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.security.UnauthenticatedRefusals;
import io.trunkguard.deprovisioning.CaseReceipt;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.shared.NotFoundException;
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
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /hr/events/termination}: the HR system's signed termination event (see
 * {@link WebhookSignature}). Checks, in this order, before anything is parsed or started:
 * body size (413), timestamp and signature (401, audited), JSON (400), the person (422,
 * audited). A valid event is answered 202 at once: the case is recorded and its process
 * runs asynchronously. The same event again is answered 202 with the same case.
 */
@RestController
class HrWebhookController {

	static final String ACTOR = "client:hr-webhook";

	private static final Logger log = LoggerFactory.getLogger(HrWebhookController.class);

	private final DeprovisioningService deprovisioning;

	private final AuditTrail audit;

	private final HrInputProperties properties;

	private final TerminationEventParser parser;

	private final Clock clock = Clock.systemUTC();

	private final UnauthenticatedRefusals refusals;

	HrWebhookController(DeprovisioningService deprovisioning, AuditTrail audit, HrInputProperties properties,
			ObjectMapper json, UnauthenticatedRefusals refusals) {
		this.deprovisioning = deprovisioning;
		this.audit = audit;
		this.refusals = refusals;
		this.properties = properties;
		this.parser = new TerminationEventParser(json);
	}

	record Accepted(String caseId, boolean newCase) {
	}

	@PostMapping(path = "/hr/events/termination",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<?> termination(HttpServletRequest request) throws IOException {
		if (!properties.webhookEnabled()) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "HR webhook not configured",
					"set TRUNKGUARD_HR_WEBHOOK_SECRET to enable the HR webhook");
		}
		byte[] body = BoundedBody.read(request, (int) properties.maxBody().toBytes());
		if (body == null) {
			refuseUnsigned(request, "body larger than " + properties.maxBody().toBytes() + " bytes");
			return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Body too large",
					"the event must not be larger than " + properties.maxBody().toBytes() + " bytes");
		}
		Optional<String> refusal = new WebhookSignature(properties.webhookSecret()).refusal(
				request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
				request.getHeader(WebhookSignature.SIGNATURE_HEADER), body, clock.instant(), properties.maxAge());
		if (refusal.isPresent()) {
			refuseUnsigned(request, refusal.get());
			return problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
					"the request is not signed correctly: " + refusal.get());
		}
		TerminationNotice notice;
		try {
			notice = parser.parse(body, TerminationSource.HR_WEBHOOK, ACTOR);
		}
		catch (TerminationEventParser.BadEvent e) {
			refuse(request, "invalid event: " + e.getMessage());
			return problem(HttpStatus.BAD_REQUEST, "Invalid termination event", e.getMessage());
		}
		try {
			CaseReceipt receipt = deprovisioning.receiveTermination(notice);
			log.info("HR termination event {} for {}: case {} ({})", notice.eventId(), notice.hrId(), receipt.caseId(),
					receipt.newCase() ? "new" : "duplicate");
			return ResponseEntity.accepted().body(new Accepted(receipt.caseId().toString(), receipt.newCase()));
		}
		catch (NotFoundException e) {
			refuse(request, "unknown HR id " + notice.hrId() + " (event " + notice.eventId() + ")");
			return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown person",
					"no person has the HR id " + notice.hrId());
		}
	}

	/**
	 * A request that did not prove to come from HR: its actor is anonymous, and repeats
	 * from one address are counted rather than written one by one.
	 */
	private void refuseUnsigned(HttpServletRequest request, String reason) {
		log.warn("HR webhook request from {} refused: {}", request.getRemoteAddr(), reason);
		refusals.record("HR_WEBHOOK_REFUSED", UnauthenticatedRefusals.ANONYMOUS, "HrWebhook", request.getRemoteAddr(),
				Map.of("reason", reason), reason);
	}

	private void refuse(HttpServletRequest request, String reason) {
		log.warn("HR webhook request from {} refused: {}", request.getRemoteAddr(), reason);
		audit.record(ACTOR, "HR_WEBHOOK_REFUSED", "HrWebhook", null,
				Map.of("reason", reason, "remoteAddress", String.valueOf(request.getRemoteAddr())));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
