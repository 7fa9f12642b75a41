package io.trunkguard.review;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantId;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemId;
import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Freezes a campaign's scope with set-based SQL: one query reads every active grant on
 * every in-scope system with its holder and system, routing happens in memory, and the
 * items are written with batched inserts. Runs in the caller's transaction, so the scope
 * is complete or nothing is written.
 */
@Component
class ScopeFreezer {

	static final int BATCH = 1000;

	private static final String SCOPE = """
			select g.id as grant_id, g.person_id, p.full_name, p.username, p.employment_status, p.employment_type, p.end_date,
			       p.manager_id, g.system_id, s.name as system_name, s.owner_id, s.connector, s.reviewer_strategy,
			       g.entitlement, g.privileged, g.granted_at, g.last_used_at
			from access_grant g
			join access_system s on s.id = g.system_id
			join person p on p.id = g.person_id
			where g.status = 'ACTIVE' and s.in_review_scope = true
			order by s.name, p.full_name, g.entitlement, g.id
			""";

	private static final String INSERT = """
			insert into review_item (id, version, campaign_id, grant_id, person_id, person_name, person_username, person_status,
			    person_type, person_end_date, person_manager_id, system_id, system_name, system_owner_id, connector, entitlement,
			    privileged, granted_at, last_used_at, flag_dormant, flag_orphan, flag_contractor_expired, is_new, carried_over,
			    reviewer_id, reviewer_username, routing, submitted, remediation_status)
			values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 'NOT_REQUIRED')
			""";

	private static final String OVERLAPPING = """
			select c.name, count(*) as shared
			from review_campaign c
			join review_item i on i.campaign_id = c.id
			join access_grant g on g.id = i.grant_id
			join access_system s on s.id = g.system_id
			where c.status = 'OPEN' and c.reviews_ended_at is null and c.period = ?
			  and g.status = 'ACTIVE' and s.in_review_scope = true
			group by c.id, c.name, c.started_at
			order by c.started_at
			""";

	private final JdbcTemplate jdbc;

	ScopeFreezer(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The campaigns still taking decisions in {@code period} whose items cover grants the
	 * scope would freeze again, with how many they share, oldest first.
	 */
	Map<String, Long> overlapping(String period) {
		Map<String, Long> found = new LinkedHashMap<>();
		jdbc.query(OVERLAPPING, rs -> {
			found.put(rs.getString(1), rs.getLong(2));
		}, period);
		return found;
	}

	/** The items of the campaign, routed; written to the database. */
	List<FrozenItem> freeze(ReviewCampaign campaign, List<String> complianceLeads, Instant now) {
		ReviewerRouting routing = new ReviewerRouting(people(), complianceLeads);
		Map<UUID, String> previous = previousItems(campaign.getPreviousCampaignId());
		Instant dormantBefore = now.minus(campaign.getDormantAfter());
		LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
		List<FrozenItem> items = jdbc.query(SCOPE, (rs, row) -> item(rs, routing, previous,
				campaign.getPreviousCampaignId() == null, dormantBefore, today));
		jdbc.batchUpdate(INSERT, items, BATCH, (ps, item) -> bind(ps, campaign.getId(), item));
		return items;
	}

	private Map<PersonId, ReviewerRouting.Candidate> people() {
		Map<PersonId, ReviewerRouting.Candidate> people = new HashMap<>();
		jdbc.query("select id, username, employment_status, manager_id from person", rs -> {
			PersonId id = new PersonId(rs.getObject("id", UUID.class));
			UUID manager = rs.getObject("manager_id", UUID.class);
			people.put(id,
					new ReviewerRouting.Candidate(id, rs.getString("username"),
							EmploymentStatus.ACTIVE.name().equals(rs.getString("employment_status")),
							manager == null ? null : new PersonId(manager)));
		});
		return people;
	}

	private Map<UUID, String> previousItems(CampaignId previous) {
		Map<UUID, String> closures = new HashMap<>();
		if (previous != null) {
			jdbc.query("select grant_id, closure from review_item where campaign_id = ?", rs -> {
				closures.put(rs.getObject("grant_id", UUID.class), rs.getString("closure"));
			}, previous.value());
		}
		return closures;
	}

	private static FrozenItem item(ResultSet rs, ReviewerRouting routing, Map<UUID, String> previous,
			boolean firstCampaign, Instant dormantBefore, LocalDate today) throws SQLException {
		UUID grant = rs.getObject("grant_id", UUID.class);
		PersonId person = new PersonId(rs.getObject("person_id", UUID.class));
		UUID manager = rs.getObject("manager_id", UUID.class);
		PersonId managerId = manager == null ? null : new PersonId(manager);
		PersonId owner = new PersonId(rs.getObject("owner_id", UUID.class));
		EmploymentStatus status = EmploymentStatus.valueOf(rs.getString("employment_status"));
		EmploymentType type = EmploymentType.valueOf(rs.getString("employment_type"));
		Date end = rs.getDate("end_date");
		LocalDate endDate = end == null ? null : end.toLocalDate();
		Instant grantedAt = instant(rs, "granted_at");
		Instant lastUsedAt = instant(rs, "last_used_at");
		String personName = rs.getString("full_name");
		String systemName = rs.getString("system_name");
		String entitlement = rs.getString("entitlement");
		ReviewerRouting.Route route = routing.route(person, managerId, owner,
				ReviewerStrategy.valueOf(rs.getString("reviewer_strategy")),
				entitlement + " of " + personName + " on " + systemName);
		Instant reference = lastUsedAt != null ? lastUsedAt : grantedAt;
		boolean dormant = reference.isBefore(dormantBefore);
		boolean orphan = status == EmploymentStatus.LEFT;
		boolean contractorExpired = type == EmploymentType.CONTRACTOR && endDate != null && endDate.isBefore(today);
		boolean isNew = firstCampaign || !previous.containsKey(grant);
		boolean carriedOver = Closure.CARRIED_OVER.name().equals(previous.get(grant));
		GrantSnapshot snapshot = new GrantSnapshot(new GrantId(grant), person, personName, rs.getString("username"),
				status, type, endDate, managerId, new SystemId(rs.getObject("system_id", UUID.class)), systemName,
				owner, ConnectorType.valueOf(rs.getString("connector")), entitlement, rs.getBoolean("privileged"),
				grantedAt, lastUsedAt, dormant, orphan, contractorExpired, isNew, carriedOver);
		return new FrozenItem(ReviewItemId.random(), snapshot, route.reviewerId(), route.reviewerUsername(),
				route.routing());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static void bind(PreparedStatement ps, CampaignId campaign, FrozenItem item) throws SQLException {
		GrantSnapshot grant = item.grant();
		int i = 1;
		ps.setObject(i++, item.id().value());
		ps.setObject(i++, campaign.value());
		ps.setObject(i++, grant.grantId().value());
		ps.setObject(i++, grant.personId().value());
		ps.setString(i++, grant.personName());
		ps.setString(i++, grant.personUsername());
		ps.setString(i++, grant.personStatus().name());
		ps.setString(i++, grant.personType().name());
		if (grant.personEndDate() == null) {
			ps.setNull(i++, Types.DATE);
		}
		else {
			ps.setDate(i++, Date.valueOf(grant.personEndDate()));
		}
		ps.setObject(i++, grant.personManagerId() == null ? null : grant.personManagerId().value());
		ps.setObject(i++, grant.systemId().value());
		ps.setString(i++, grant.systemName());
		ps.setObject(i++, grant.systemOwnerId().value());
		ps.setString(i++, grant.connector().name());
		ps.setString(i++, grant.entitlement());
		ps.setBoolean(i++, grant.privileged());
		ps.setObject(i++, grant.grantedAt().atOffset(ZoneOffset.UTC));
		ps.setObject(i++, grant.lastUsedAt() == null ? null : grant.lastUsedAt().atOffset(ZoneOffset.UTC));
		ps.setBoolean(i++, grant.dormant());
		ps.setBoolean(i++, grant.orphan());
		ps.setBoolean(i++, grant.contractorExpired());
		ps.setBoolean(i++, grant.isNew());
		ps.setBoolean(i++, grant.carriedOver());
		ps.setObject(i++, item.reviewerId().value());
		ps.setString(i++, item.reviewerUsername());
		ps.setString(i, item.routing().name());
	}

}
