package io.trunkguard.deprovisioning.hr;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.security.UnauthenticatedRefusals;
import io.trunkguard.web.RequestRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Records why a request of an HR machine client was refused (log and audit trail, with
 * the sender's address) and gives the problem to answer with.
 */
@Component
class HrRefusals {

	private static final Logger log = LoggerFactory.getLogger(HrRefusals.class);

	private final AuditTrail audit;

	private final UnauthenticatedRefusals unsigned;

	HrRefusals(AuditTrail audit, UnauthenticatedRefusals unsigned) {
		this.audit = audit;
		this.unsigned = unsigned;
	}

	/**
	 * Records a request that did not prove to come from HR (bad signature, oversized
	 * body): its actor is anonymous, and repeats from one address are counted into one
	 * entry rather than written one by one, so forged requests cannot flood the trail.
	 */
	RequestRefusedException refuseUnsigned(HrClient client, HttpServletRequest request, String reason,
			HttpStatus status, String title, String detail) {
		log.warn("unsigned {} request from {} refused: {}", client.sends, request.getRemoteAddr(), reason);
		unsigned.record(client.refusedAction, UnauthenticatedRefusals.ANONYMOUS, client.auditType,
				request.getRemoteAddr(), Map.of("reason", reason), reason);
		return new RequestRefusedException(status, title, detail);
	}

	/**
	 * Audits the refusal of a correctly signed request ({@code reason} goes into the
	 * trail) and returns the exception that answers it.
	 */
	RequestRefusedException refuse(HrClient client, HttpServletRequest request, String reason, HttpStatus status,
			String title, String detail) {
		log.warn("{} request from {} refused: {}", client.actor, request.getRemoteAddr(), reason);
		audit.record(client.actor, client.refusedAction, client.auditType, null,
				Map.of("reason", reason, "remoteAddress", String.valueOf(request.getRemoteAddr())));
		return new RequestRefusedException(status, title, detail);
	}

}
