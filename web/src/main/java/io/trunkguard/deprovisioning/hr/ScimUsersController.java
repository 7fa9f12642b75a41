package io.trunkguard.deprovisioning.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.audit.AuditTrail;
import io.trunkguard.security.UnauthenticatedRefusals;
import io.trunkguard.deprovisioning.CaseReceipt;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.deprovisioning.integration.hr.ScimPatch;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SCIM 2.0 Users (RFC 7643/7644), as much as deprovisioning needs: {@code GET
 * /scim/v2/Users/{id}} and {@code PATCH /scim/v2/Users/{id}} with {@code active=false},
 * which opens (or joins) the person's deprovisioning case. The id is the person's id;
 * {@code externalId} is the HR id. Authenticated by a bearer token; errors are SCIM error
 * documents ({@code urn:ietf:params:scim:api:messages:2.0:Error}).
 */
@RestController
class ScimUsersController {

	static final String SCIM_JSON = "application/scim+json";
	static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
	static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
	static final String ACTOR = "client:scim";

	private static final Logger log = LoggerFactory.getLogger(ScimUsersController.class);

	private final PersonService people;

	private final DeprovisioningService deprovisioning;

	private final AuditTrail audit;

	private final ScimProperties properties;

	private final HrInputProperties limits;

	private final ScimPatch patches;

	private final Clock clock = Clock.systemUTC();

	private final UnauthenticatedRefusals refusals;

	ScimUsersController(PersonService people, DeprovisioningService deprovisioning, AuditTrail audit,
			ScimProperties properties, HrInputProperties limits, ObjectMapper json, UnauthenticatedRefusals refusals) {
		this.refusals = refusals;
		this.people = people;
		this.deprovisioning = deprovisioning;
		this.audit = audit;
		this.properties = properties;
		this.limits = limits;
		this.patches = new ScimPatch(json);
	}

	/** A SCIM error: status, optional scimType and detail. */
	static final class ScimError extends RuntimeException {

		final HttpStatus status;

		final String scimType;

		ScimError(HttpStatus status, String scimType, String detail) {
			super(detail);
			this.status = status;
			this.scimType = scimType;
		}

	}

	@GetMapping(path = "/scim/v2/Users/{id}", produces = { SCIM_JSON, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<?> get(@PathVariable String id, HttpServletRequest request) {
		try {
			authenticate(request);
			return resource(person(id));
		}
		catch (ScimError e) {
			return error(e);
		}
	}

	@PatchMapping(path = "/scim/v2/Users/{id}", produces = { SCIM_JSON, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<?> patch(@PathVariable String id, HttpServletRequest request) throws IOException {
		try {
			authenticate(request);
			byte[] body = BoundedBody.read(request, (int) limits.maxBody().toBytes());
			if (body == null) {
				throw new ScimError(HttpStatus.PAYLOAD_TOO_LARGE, null,
						"the request is larger than " + limits.maxBody().toBytes() + " bytes");
			}
			Person person = person(id);
			if (deactivates(body)) {
				CaseReceipt receipt = deprovisioning
					.acceptTermination(new TerminationNotice("scim:" + person.getId() + ":active=false",
							person.getHrId(), clock.instant(), TerminationSource.SCIM, ACTOR));
				log.info("SCIM deactivated {}: case {} ({})", person.getHrId(), receipt.caseId(),
						receipt.newCase() ? "new" : "duplicate");
			}
			return resource(people.get(person.getId()));
		}
		catch (ScimError e) {
			return error(e);
		}
	}

	private boolean deactivates(byte[] body) {
		try {
			return patches.deactivates(body);
		}
		catch (ScimPatch.BadPatch e) {
			throw new ScimError(HttpStatus.BAD_REQUEST, e.scimType(), e.getMessage());
		}
	}

	private Person person(String id) {
		PersonId personId;
		try {
			personId = PersonId.of(id);
		}
		catch (IllegalArgumentException e) {
			throw new ScimError(HttpStatus.NOT_FOUND, null, NotFoundException.sentence("Person"));
		}
		try {
			return people.get(personId);
		}
		catch (NotFoundException e) {
			throw new ScimError(HttpStatus.NOT_FOUND, null, NotFoundException.sentence("Person"));
		}
	}

	private void authenticate(HttpServletRequest request) {
		if (!properties.enabled()) {
			throw new ScimError(HttpStatus.SERVICE_UNAVAILABLE, null,
					"SCIM is not configured: set TRUNKGUARD_SCIM_TOKEN");
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String reason = null;
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			reason = "missing bearer token";
		}
		else if (!MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
				properties.token().getBytes(StandardCharsets.UTF_8))) {
			reason = "wrong bearer token";
		}
		if (reason != null) {
			log.warn("SCIM request {} {} from {} refused: {}", request.getMethod(), request.getRequestURI(),
					request.getRemoteAddr(), reason);
			// not proven to be the SCIM client: anonymous, repeats from one address
			// counted
			String path = request.getRequestURI();
			refusals.record("SCIM_REFUSED", UnauthenticatedRefusals.ANONYMOUS, "ScimRequest", request.getRemoteAddr(),
					Map.of("reason", reason, "method", request.getMethod(), "path",
							path.substring(0, Math.min(path.length(), 500))),
					reason);
			throw new ScimError(HttpStatus.UNAUTHORIZED, null, reason);
		}
	}

	private ResponseEntity<Map<String, Object>> resource(Person person) {
		boolean active = person.isActive() && deprovisioning.leavingAt(person.getId()).isEmpty();
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("schemas", List.of(USER_SCHEMA));
		user.put("id", person.getId().toString());
		user.put("externalId", person.getHrId());
		user.put("userName", Optional.ofNullable(person.getUsername()).orElse(person.getHrId()));
		user.put("name", Map.of("formatted", person.getFullName()));
		user.put("displayName", person.getFullName());
		user.put("emails", List.of(Map.of("value", person.getEmail(), "primary", true)));
		user.put("active", active);
		user.put("meta",
				Map.of("resourceType", "User", "created", person.getCreatedAt().toString(), "lastModified",
						person.getUpdatedAt().toString(), "location", "/scim/v2/Users/" + person.getId(), "version",
						"W/\"" + person.getVersion() + "\""));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(SCIM_JSON)).body(user);
	}

	private static ResponseEntity<Map<String, Object>> error(ScimError e) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schemas", List.of(ERROR_SCHEMA));
		body.put("status", Integer.toString(e.status.value()));
		if (e.scimType != null) {
			body.put("scimType", e.scimType);
		}
		body.put("detail", e.getMessage());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status)
			.contentType(MediaType.parseMediaType(SCIM_JSON));
		if (e.status == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"trunkguard-scim\"");
		}
		return response.body(body);
	}

}
