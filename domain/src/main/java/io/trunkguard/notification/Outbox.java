package io.trunkguard.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads the outbox and queues a message again. Messages are written by this module's own
 * listeners on review and deprovisioning events; nobody else writes them. Errors:
 * {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.InvalidStateException} (a message that cannot be sent
 * again).
 */
public interface Outbox {

	/** Every message, the newest first. */
	Page<OutboxMessage> search(@NotNull OutboxFilter filter, @NotNull Pageable pageable);

	/** The messages addressed to one person (by username), the newest first. */
	Page<OutboxMessage> addressedTo(@NotBlank String username, @NotNull OutboxFilter filter,
			@NotNull Pageable pageable);

	Optional<OutboxMessage> find(@NotNull UUID id);

	/**
	 * Queues a FAILED or KEPT_IN_OUTBOX message for SMTP again (attempts start over);
	 * recorded in the audit trail. Refused without an SMTP server
	 * ({@link #smtpConfigured()}), for a message without address, and for one that is
	 * PENDING or SENT.
	 */
	OutboxMessage sendAgain(@NotNull UUID id, @NotBlank String actor);

	/**
	 * Whether an SMTP server is configured ({@code spring.mail.host}); without one,
	 * messages stay in the outbox.
	 */
	boolean smtpConfigured();

}
