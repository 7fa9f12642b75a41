package io.trunkguard.deprovisioning.hr;

import io.trunkguard.deprovisioning.RosterOutcome;
import io.trunkguard.deprovisioning.RosterReconciliation;
import io.trunkguard.deprovisioning.RosterRefusedException;
import io.trunkguard.deprovisioning.integration.hr.RosterCsv;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /hr/roster}: the HR system's full roster as CSV, signed like the webhook
 * (checked by {@link SignedBodyResolver}). People who disappeared from it or whose end
 * date has come are deprovisioned; see {@link RosterReconciliation}. Answers 200 with
 * what was done; 401 (audited) unsigned, 413 too large, 400 bad CSV, 422 implausible
 * roster.
 */
@RestController
class RosterImportController {

	private static final Logger log = LoggerFactory.getLogger(RosterImportController.class);

	private final RosterReconciliation reconciliation;

	private final HrRefusals refusals;

	RosterImportController(RosterReconciliation reconciliation, HrRefusals refusals) {
		this.reconciliation = reconciliation;
		this.refusals = refusals;
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
	ResponseEntity<RosterResponse> importRoster(@SignedBy(HrClient.ROSTER) SignedBody body,
			HttpServletRequest request) {
		RosterCsv.Roster roster;
		try {
			roster = RosterCsv.read(body.bytes());
		}
		catch (RosterCsv.BadRoster e) {
			throw refusals.refuse(HrClient.ROSTER, request, "invalid roster: " + e.getMessage(), HttpStatus.BAD_REQUEST,
					"Invalid roster", e.getMessage());
		}
		try {
			RosterOutcome outcome = reconciliation.reconcile(roster.entries(), roster.sha256(), HrClient.ROSTER.actor);
			log.info("Roster {} imported: {} entries, {} disappeared, {} ended, {} new case(s)", outcome.rosterId(),
					outcome.entries(), outcome.disappeared().size(), outcome.ended().size(), outcome.newCases().size());
			return ResponseEntity.ok(RosterResponse.of(outcome));
		}
		catch (RosterRefusedException e) {
			throw refusals.refuse(HrClient.ROSTER, request, e.getMessage(), HttpStatus.UNPROCESSABLE_ENTITY,
					"Implausible roster", e.getMessage());
		}
	}

}
