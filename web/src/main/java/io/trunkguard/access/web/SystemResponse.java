package io.trunkguard.access.web;

import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemKind;

/** A system as the API shows it. */
record SystemResponse(String id, String name, SystemKind kind, String description, String ownerId,
		boolean inReviewScope, ConnectorType connector, ReviewerStrategy reviewerStrategy, long version) {

	static SystemResponse of(AccessSystem system) {
		return new SystemResponse(system.getId().toString(), system.getName(), system.getKind(),
				system.getDescription(), system.getOwnerId() == null ? null : system.getOwnerId().toString(),
				system.isInReviewScope(), system.getConnector(), system.getReviewerStrategy(),
				system.getVersion() == null ? 0 : system.getVersion());
	}
}
