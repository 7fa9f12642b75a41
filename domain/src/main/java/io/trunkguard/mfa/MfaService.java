package io.trunkguard.mfa;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads second factors of privileged people from the identity provider (CC6.1), keeps
 * each read, and opens and closes the exceptions for system owners. Errors:
 * {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.InvalidInputException},
 * {@link io.trunkguard.shared.InvalidStateException}.
 */
public interface MfaService {

	/** The Trunkguard realm roles whose holders are privileged in Trunkguard itself. */
	List<String> APP_ROLES = List.of("admin", "compliance-lead", "auditor");

	/** The system Trunkguard's own roles are on. */
	String TRUNKGUARD = "Trunkguard";

	/** Said by the page and recorded by each read when there is no identity provider. */
	String NO_IDENTITY_PROVIDER = "MFA cannot be evidenced without an identity provider: Trunkguard runs with local "
			+ "accounts (the embedded default), and nothing can vouch that anyone logs in with a second factor. "
			+ "Connect Trunkguard to Keycloak with its service account (the README's section on MFA says how) to "
			+ "evidence it.";

	/**
	 * Reads now: every privileged person's second factors and the realm's policy, kept as
	 * a read (stored as CC6.1 evidence by the reports module); opens exceptions for new
	 * findings and closes those the read finds fixed. Throws, recording nothing, when the
	 * identity provider cannot be read.
	 */
	MfaRead read(@NotBlank String actor);

	/** Whether an identity provider is connected (false in the embedded default). */
	boolean identityProviderConnected();

	Optional<MfaRead> latest();

	List<MfaRead> recent();

	MfaRead get(@NotNull UUID readId);

	List<MfaException> openExceptions();

	List<MfaException> recentlyClosedExceptions();

	MfaException exception(@NotNull UUID exceptionId);

	/**
	 * Closes an exception with a note: by its system owner, or by a compliance lead or
	 * admin ({@code overseer}); never by the person it is about.
	 */
	MfaException close(@NotNull UUID exceptionId, String note, @NotBlank String actor, boolean overseer);

}
