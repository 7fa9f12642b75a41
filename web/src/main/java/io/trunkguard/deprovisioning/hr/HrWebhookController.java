package io.trunkguard.deprovisioning.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.deprovisioning.CaseReceipt;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.deprovisioning.integration.hr.TerminationEventParser;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /hr/events/termination}: the HR system's signed termination event. The body
 * arrives checked for size and signature ({@link SignedBodyResolver}); then, audited when
 * refused: JSON (400), an effective time outside the accepted window (400), the person
 * (422); an event id already bound to another person is refused with 409 (the domain
 * audits that conflict). A valid event is answered 202 after one short transaction that
 * records the delivery; its case, receipt and process are written right after by the
 * intake worker (issue 16: a layoff's burst). The same event again is answered 202 with
 * the same case.
 */
@RestController
class HrWebhookController {

	private static final Logger log = LoggerFactory.getLogger(HrWebhookController.class);

	private final DeprovisioningService deprovisioning;

	private final HrRefusals refusals;

	private final TerminationEventParser parser;

	HrWebhookController(DeprovisioningService deprovisioning, HrRefusals refusals, ObjectMapper json) {
		this.deprovisioning = deprovisioning;
		this.refusals = refusals;
		this.parser = new TerminationEventParser(json);
	}

	record Accepted(String caseId, boolean newCase) {
	}

	@PostMapping(path = "/hr/events/termination",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<Accepted> termination(@SignedBy(HrClient.WEBHOOK) SignedBody body, HttpServletRequest request) {
		TerminationNotice notice;
		try {
			notice = parser.parse(body.bytes(), TerminationSource.HR_WEBHOOK, HrClient.WEBHOOK.actor);
		}
		catch (TerminationEventParser.BadEvent e) {
			throw refusals.refuse(HrClient.WEBHOOK, request, "invalid event: " + e.getMessage(), HttpStatus.BAD_REQUEST,
					"Invalid termination event", e.getMessage());
		}
		try {
			CaseReceipt receipt = deprovisioning.acceptTermination(notice);
			log.info("HR termination event {} for {}: case {} ({})", notice.eventId(), notice.hrId(), receipt.caseId(),
					receipt.newCase() ? "new" : "duplicate");
			return ResponseEntity.accepted().body(new Accepted(receipt.caseId().toString(), receipt.newCase()));
		}
		catch (InvalidInputException e) {
			throw refusals.refuse(HrClient.WEBHOOK, request, "effectiveAt out of range: " + notice.effectiveAt(),
					HttpStatus.BAD_REQUEST, "Termination date out of range", e.getMessage());
		}
		catch (NotFoundException e) {
			throw refusals.refuse(HrClient.WEBHOOK, request,
					"unknown HR id " + notice.hrId() + " (event " + notice.eventId() + ")",
					HttpStatus.UNPROCESSABLE_ENTITY, "Unknown person",
					"No person has the HR id " + notice.hrId() + ".");
		}
	}

}
