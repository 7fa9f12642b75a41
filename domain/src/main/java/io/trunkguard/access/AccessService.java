package io.trunkguard.access;

import io.trunkguard.people.PersonId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use cases on systems and grants. Every change is written to the audit trail in the same
 * transaction. {@code actor} is the username (or machine client) doing the change.
 * Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.ConflictException} (duplicate system name, duplicate active
 * grant), {@link io.trunkguard.shared.InvalidStateException} (revoking a revoked grant,
 * granting to a leaver), {@link io.trunkguard.shared.InvalidInputException},
 * {@link jakarta.validation.ConstraintViolationException}.
 */
public interface AccessService {

	// systems

	AccessSystem registerSystem(@Valid @NotNull SystemDetails details, @NotBlank String actor);

	AccessSystem updateSystem(@NotNull SystemId id, @Valid @NotNull SystemDetails details, @NotBlank String actor);

	/**
	 * Updates only if the stored version is still {@code expectedVersion}, else
	 * {@link io.trunkguard.shared.StaleVersionException}.
	 */
	AccessSystem updateSystem(@NotNull SystemId id, Long expectedVersion, @Valid @NotNull SystemDetails details,
			@NotBlank String actor);

	AccessSystem getSystem(SystemId id);

	Optional<AccessSystem> findSystemByName(String name);

	List<AccessSystem> allSystems();

	List<AccessSystem> systemsInReviewScope();

	/**
	 * Systems whose name or description contains {@code text} (case-insensitive),
	 * optionally of one kind.
	 */
	Page<AccessSystem> searchSystems(String text, SystemKind kind, Pageable pageable);

	/** The systems with the given ids, by id (unknown ids are left out). */
	Map<SystemId, AccessSystem> systemsByIds(Collection<SystemId> ids);

	// grants

	AccessGrant issueGrant(@Valid @NotNull NewGrant grant, @NotBlank String actor);

	/** Revokes an active grant with a reason; publishes {@link GrantRevoked}. */
	AccessGrant revokeGrant(@NotNull GrantId id, @NotBlank String reason, @NotBlank String actor);

	/**
	 * Reduces an active grant to a lesser entitlement; publishes {@link GrantReduced}.
	 */
	AccessGrant reduceGrant(@NotNull GrantId id, @NotBlank String newEntitlement, boolean privileged,
			@NotBlank String reason, @NotBlank String actor);

	/** Records an observed use of a grant (not an audited change: usage telemetry). */
	AccessGrant recordGrantUse(@NotNull GrantId id, @NotNull Instant usedAt);

	AccessGrant getGrant(GrantId id);

	Page<AccessGrant> searchGrants(GrantQuery query, Pageable pageable);

	List<AccessGrant> activeGrantsOf(PersonId personId);

	/** The active grants of all these people, in one query (lists of many people). */
	List<AccessGrant> activeGrantsOf(java.util.Collection<PersonId> personIds);

	List<AccessGrant> activeGrantsOn(SystemId systemId);

}
