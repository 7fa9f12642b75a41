package io.trunkguard.deprovisioning.web;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.deprovisioning.DeprovisioningTaskDeniedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * Someone else's deprovisioning task: the 403 page, and the attempt in the audit trail.
 */
@ControllerAdvice(assignableTypes = { DeprovisioningTaskPages.class, DeprovisioningPages.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeprovisioningPageErrors {

	private final ObjectProvider<AuditTrail> trail;

	DeprovisioningPageErrors(ObjectProvider<AuditTrail> trail) {
		this.trail = trail;
	}

	@ExceptionHandler(DeprovisioningTaskDeniedException.class)
	ModelAndView denied(DeprovisioningTaskDeniedException e, Authentication user, HttpServletRequest request) {
		trail.ifAvailable(audit -> audit.record(user == null ? "anonymous" : user.getName(),
				"DEPROVISIONING_TASK_REFUSED", "Request", request.getMethod() + " " + request.getRequestURI(),
				Map.of("code", e.code(), "reason", e.getMessage())));
		ModelAndView page = new ModelAndView("error/403");
		page.setStatus(HttpStatus.FORBIDDEN);
		return page;
	}

}
