package io.trunkguard.review.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

import io.trunkguard.security.Role;

/**
 * Who may do what in reviews beyond the URL rules: compliance leads, auditors and admins
 * oversee every campaign (read); compliance leads and admins run them; only compliance
 * leads sign off. A refusal is an {@link AccessDeniedException}: 403, written to the
 * audit trail by the security layer.
 */
final class ReviewAccess {

	private ReviewAccess() {
	}

	static boolean oversees(Authentication user) {
		return Role.COMPLIANCE_LEAD.isHeldBy(user) || Role.AUDITOR.isHeldBy(user) || Role.ADMIN.isHeldBy(user);
	}

	static boolean runs(Authentication user) {
		return Role.COMPLIANCE_LEAD.isHeldBy(user) || Role.ADMIN.isHeldBy(user);
	}

	static boolean signsOff(Authentication user) {
		return Role.COMPLIANCE_LEAD.isHeldBy(user);
	}

	static void requireOversight(Authentication user) {
		if (!oversees(user)) {
			throw new AccessDeniedException("only compliance leads, auditors and admins see whole campaigns");
		}
	}

	static void requireRunner(Authentication user) {
		if (!runs(user)) {
			throw new AccessDeniedException("only compliance leads and admins run campaigns");
		}
	}

	static void requireSignOff(Authentication user) {
		if (!signsOff(user)) {
			throw new AccessDeniedException("only compliance leads sign campaigns off");
		}
	}

}
