package io.trunkguard.access.web;

import java.util.UUID;

import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;

/**
 * The system form's fields as typed; a mutable bean so that a refused form shows again as
 * entered.
 */
public class SystemForm {

	private Long version;

	private String name;

	private SystemKind kind = SystemKind.OTHER;

	private String description;

	private UUID ownerId;

	private boolean inReviewScope = true;

	private ConnectorType connector = ConnectorType.MANUAL;

	private ReviewerStrategy reviewerStrategy = ReviewerStrategy.SYSTEM_OWNER;

	static SystemForm of(AccessSystem system) {
		SystemForm form = new SystemForm();
		form.version = system.getVersion();
		form.name = system.getName();
		form.kind = system.getKind();
		form.description = system.getDescription();
		form.ownerId = system.getOwnerId() == null ? null : system.getOwnerId().value();
		form.inReviewScope = system.isInReviewScope();
		form.connector = system.getConnector();
		form.reviewerStrategy = system.getReviewerStrategy();
		return form;
	}

	SystemDetails toDetails() {
		return new SystemRequest(version, name, kind, description, ownerId, inReviewScope, connector, reviewerStrategy)
			.toDetails();
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public SystemKind getKind() {
		return kind;
	}

	public void setKind(SystemKind kind) {
		this.kind = kind;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public UUID getOwnerId() {
		return ownerId;
	}

	public void setOwnerId(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public boolean isInReviewScope() {
		return inReviewScope;
	}

	public void setInReviewScope(boolean inReviewScope) {
		this.inReviewScope = inReviewScope;
	}

	public ConnectorType getConnector() {
		return connector;
	}

	public void setConnector(ConnectorType connector) {
		this.connector = connector;
	}

	public ReviewerStrategy getReviewerStrategy() {
		return reviewerStrategy;
	}

	public void setReviewerStrategy(ReviewerStrategy reviewerStrategy) {
		this.reviewerStrategy = reviewerStrategy;
	}

}
