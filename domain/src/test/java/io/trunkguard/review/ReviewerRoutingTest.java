package io.trunkguard.review;

import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.people.PersonId;
import io.trunkguard.review.ReviewerRouting.Candidate;
import io.trunkguard.shared.InvalidStateException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewerRoutingTest {

	final Candidate lead = new Candidate(PersonId.random(), "compliance-lead", true, null);

	final Candidate deputyLead = new Candidate(PersonId.random(), "deputy-lead", true, null);

	final Candidate manager = new Candidate(PersonId.random(), "manny", true, null);

	final Candidate owner = new Candidate(PersonId.random(), "olga", true, null);

	final Candidate holder = new Candidate(PersonId.random(), "harry", true, manager.id());

	final Candidate leftManager = new Candidate(PersonId.random(), "gone", false, null);

	final Candidate noLogin = new Candidate(PersonId.random(), null, true, null);

	ReviewerRouting routing = new ReviewerRouting(
			Stream.of(lead, deputyLead, manager, owner, holder, leftManager, noLogin)
				.collect(Collectors.toMap(Candidate::id, Function.identity())),
			List.of("compliance-lead", "deputy-lead"));

	@Test
	void routesToTheSystemOwner() {
		var route = routing.route(holder.id(), manager.id(), owner.id(), ReviewerStrategy.SYSTEM_OWNER, "x");

		assertThat(route.reviewerUsername()).isEqualTo("olga");
		assertThat(route.routing()).isEqualTo(Routing.SYSTEM_OWNER);
	}

	@Test
	void routesToTheManagerWhenTheSystemSaysSo() {
		var route = routing.route(holder.id(), manager.id(), owner.id(), ReviewerStrategy.MANAGER, "x");

		assertThat(route.reviewerUsername()).isEqualTo("manny");
		assertThat(route.routing()).isEqualTo(Routing.MANAGER);
	}

	@Test
	void reroutesTheOwnersOwnAccessToTheirManager() {
		var route = routing.route(holder.id(), manager.id(), holder.id(), ReviewerStrategy.SYSTEM_OWNER, "x");

		assertThat(route.reviewerId()).isNotEqualTo(holder.id());
		assertThat(route.reviewerUsername()).isEqualTo("manny");
		assertThat(route.routing()).isEqualTo(Routing.MANAGER_INSTEAD);
	}

	@Test
	void fallsBackToAComplianceLeadWithoutAnEligibleManager() {
		assertThat(routing.route(holder.id(), null, holder.id(), ReviewerStrategy.SYSTEM_OWNER, "x").reviewerUsername())
			.isEqualTo("compliance-lead");
		assertThat(routing.route(holder.id(), leftManager.id(), owner.id(), ReviewerStrategy.MANAGER, "x").routing())
			.isEqualTo(Routing.COMPLIANCE_LEAD);
		assertThat(routing.route(holder.id(), noLogin.id(), noLogin.id(), ReviewerStrategy.SYSTEM_OWNER, "x")
			.reviewerUsername()).isEqualTo("compliance-lead");
	}

	@Test
	void neverRoutesAComplianceLeadsAccessToThemselves() {
		var route = routing.route(lead.id(), null, lead.id(), ReviewerStrategy.SYSTEM_OWNER, "x");

		assertThat(route.reviewerUsername()).isEqualTo("deputy-lead");
	}

	@Test
	void refusesWhenNobodyCanReview() {
		ReviewerRouting onlyLead = new ReviewerRouting(Map.of(lead.id(), lead), List.of("compliance-lead"));

		assertThatThrownBy(
				() -> onlyLead.route(lead.id(), null, lead.id(), ReviewerStrategy.SYSTEM_OWNER, "admin of lead on SBC"))
			.isInstanceOf(InvalidStateException.class)
			.hasMessageContaining("admin of lead on SBC");
	}

}
