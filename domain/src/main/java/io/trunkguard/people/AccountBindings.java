package io.trunkguard.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * The binding of login accounts to people. A person's username says which login account
 * is theirs, and so decides whose access is whose: it is never changed by editing the
 * person's details, only by a request that a second compliance lead or an admin approves.
 * Nobody requests or decides a change that moves their own account or concerns their own
 * person. Every step is audited.
 */
public interface AccountBindings {

	/**
	 * Asks to bind {@code username} (null: no login account) to the person; pending until
	 * someone else approves it.
	 */
	AccountBindingRequest request(@NotNull PersonId personId,
			@Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
					message = "lower-case letters, digits, '.', '_' or '-' only") String username,
			@NotBlank @Size(max = 1000) String reason, @NotBlank String actor);

	/** Approves a pending request: the person's username changes now. */
	AccountBindingRequest approve(@NotNull UUID requestId, @NotBlank String actor);

	AccountBindingRequest reject(@NotNull UUID requestId, @Size(max = 1000) String note, @NotBlank String actor);

	List<AccountBindingRequest> pending();

	AccountBindingRequest get(UUID requestId);

}
