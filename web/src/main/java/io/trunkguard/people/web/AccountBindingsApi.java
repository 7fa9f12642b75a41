package io.trunkguard.people.web;

import io.trunkguard.people.AccountBindingRequest;
import io.trunkguard.people.AccountBindings;
import io.trunkguard.people.PersonId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Binding login accounts to people: a compliance lead or admin asks, a second one
 * approves or rejects ({@link AccountBindings}).
 */
@RestController
class AccountBindingsApi {

	record BindingRequest(String username, String reason) {
	}

	record Decision(String note) {
	}

	record BindingResponse(String id, String personId, String hrId, String fromUsername, String toUsername,
			String reason, String requestedBy, Instant requestedAt, String status, String decidedBy, Instant decidedAt,
			String decisionNote) {

		static BindingResponse of(AccountBindingRequest r) {
			return new BindingResponse(r.getId().toString(), r.getPersonId().toString(), r.getHrId(),
					r.getFromUsername(), r.getToUsername(), r.getReason(), r.getRequestedBy(), r.getRequestedAt(),
					r.getStatus().name(), r.getDecidedBy(), r.getDecidedAt(), r.getDecisionNote());
		}
	}

	private final AccountBindings bindings;

	AccountBindingsApi(AccountBindings bindings) {
		this.bindings = bindings;
	}

	@PostMapping("/api/people/{id}/account-binding")
	@ResponseStatus(HttpStatus.ACCEPTED)
	BindingResponse request(@PathVariable PersonId id, @RequestBody BindingRequest request, Authentication user) {
		String username = request.username() == null || request.username().isBlank() ? null
				: request.username().strip();
		return BindingResponse.of(bindings.request(id, username, request.reason(), user.getName()));
	}

	@GetMapping("/api/people/account-bindings")
	List<BindingResponse> pending() {
		return bindings.pending().stream().map(BindingResponse::of).toList();
	}

	@PostMapping("/api/people/account-bindings/{requestId}/approve")
	BindingResponse approve(@PathVariable UUID requestId, Authentication user) {
		return BindingResponse.of(bindings.approve(requestId, user.getName()));
	}

	@PostMapping("/api/people/account-bindings/{requestId}/reject")
	BindingResponse reject(@PathVariable UUID requestId, @RequestBody(required = false) Decision decision,
			Authentication user) {
		return BindingResponse
			.of(bindings.reject(requestId, decision == null ? null : decision.note(), user.getName()));
	}

}
