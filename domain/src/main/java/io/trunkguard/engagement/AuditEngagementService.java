package io.trunkguard.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * Audits: created and edited by compliance leads and admins (each change audited as
 * {@code AUDIT_ENGAGEMENT_CREATED} or {@code AUDIT_ENGAGEMENT_CHANGED}), seen by the
 * auditors assigned to them. Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link io.trunkguard.shared.InvalidInputException} (naming each field in error),
 * {@link io.trunkguard.shared.StaleVersionException}.
 */
public interface AuditEngagementService {

	/** The longest name kept. */
	int MAX_NAME = 200;

	/** The criteria an audit may have in scope, in their order. */
	List<String> CRITERIA = List.of("CC6.1", "CC6.7", "CC7.2", "CC9.2");

	AuditEngagement create(@NotNull AuditDraft draft, @NotBlank String actor);

	/**
	 * Replaces what the audit says; {@code basedOnVersion} is the version the editor saw
	 * (null: not checked), so a concurrent edit is refused rather than lost.
	 */
	AuditEngagement edit(@NotNull AuditEngagementId id, @NotNull AuditDraft draft, Long basedOnVersion,
			@NotBlank String actor);

	AuditEngagement get(@NotNull AuditEngagementId id);

	/** Every audit, the latest period first. */
	List<AuditEngagement> all();

	/** The audits {@code login} is assigned to as an auditor, the latest period first. */
	List<AuditEngagement> assignedTo(@NotBlank String login);

}
