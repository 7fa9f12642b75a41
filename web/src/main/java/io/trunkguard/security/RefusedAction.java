package io.trunkguard.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A request the caller's role would allow but this record does not, such as an auditor
 * flagging evidence outside the audits assigned to them. Its message is the sentence the
 * person reads (the 403 page, the problem document's detail) and the reason the refusal
 * is recorded with in the audit trail.
 */
public class RefusedAction extends AccessDeniedException {

	public RefusedAction(String sentence) {
		super(sentence);
	}

}
