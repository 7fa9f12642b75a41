package io.trunkguard.access.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.trunkguard.access.AccessService;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.GrantQuery;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.PersonId;
import io.trunkguard.web.PageResponse;

/** The access grants REST API: search, read, issue, revoke. */
@RestController
@RequestMapping("/api/grants")
class GrantsApi {

	record GrantRequest(UUID personId, UUID systemId, String entitlement, boolean privileged, Instant grantedAt,
			Instant lastUsedAt) {

		NewGrant toNewGrant() {
			return new NewGrant(personId == null ? null : new PersonId(personId),
					systemId == null ? null : new SystemId(systemId), entitlement == null ? null : entitlement.trim(),
					privileged, grantedAt, lastUsedAt);
		}
	}

	record RevokeRequest(String reason) {
	}

	private final AccessService access;

	GrantsApi(AccessService access) {
		this.access = access;
	}

	@GetMapping
	PageResponse<GrantResponse> search(@RequestParam(required = false) PersonId person,
			@RequestParam(required = false) SystemId system, @RequestParam(required = false) GrantStatus status,
			@RequestParam(required = false) Boolean privileged, @RequestParam(required = false) Instant unusedSince,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		GrantQuery query = new GrantQuery(person, system, status, privileged, unusedSince, q);
		return PageResponse.of(
				access.searchGrants(query, PageResponse.request(page, size, Sort.by(Sort.Direction.DESC, "grantedAt"))),
				GrantResponse::of);
	}

	@GetMapping("/{id}")
	GrantResponse get(@PathVariable GrantId id) {
		return GrantResponse.of(access.getGrant(id));
	}

	@PostMapping
	ResponseEntity<GrantResponse> issue(@RequestBody GrantRequest request, Authentication user) {
		GrantResponse issued = GrantResponse.of(access.issueGrant(request.toNewGrant(), user.getName()));
		return ResponseEntity.created(URI.create("/api/grants/" + issued.id())).body(issued);
	}

	@PostMapping("/{id}/revoke")
	GrantResponse revoke(@PathVariable GrantId id, @RequestBody RevokeRequest request, Authentication user) {
		String reason = request.reason() == null ? null : request.reason().trim();
		return GrantResponse.of(access.revokeGrant(id, reason, user.getName()));
	}

}
