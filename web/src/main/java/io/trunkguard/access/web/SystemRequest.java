package io.trunkguard.access.web;

import java.util.UUID;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.people.PersonId;

/**
 * What a client sends to register or update a system; validated by the access module.
 *
 * @param version on update, the version the client read: refused with 409 if someone
 * changed it since (optional)
 */
record SystemRequest(Long version, String name, SystemKind kind, String description, UUID ownerId,
		Boolean inReviewScope, ConnectorType connector, ReviewerStrategy reviewerStrategy) {

	SystemDetails toDetails() {
		return new SystemDetails(name == null ? null : name.trim(), kind,
				description == null || description.isBlank() ? null : description.trim(),
				ownerId == null ? null : new PersonId(ownerId), inReviewScope == null || inReviewScope,
				connector == null ? ConnectorType.MANUAL : connector,
				reviewerStrategy == null ? ReviewerStrategy.SYSTEM_OWNER : reviewerStrategy);
	}
}
