package io.trunkguard.evidencepack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceService;

/**
 * Demo-like records of one calendar year for evidence pack tests and the bench, written
 * straight into the tables (batched, so a year of 50,000 review decisions takes seconds):
 * people, systems and grants, four signed-off quarterly campaigns with their decisions,
 * deprovisioning cases, carriers with reviews, captures with findings and questionnaires;
 * the capture reports and carrier review records as stored PDF evidence through the real
 * {@link EvidenceService}. One person is named {@link #FORMULA}, and the same text is the
 * reviewer, uploader and questionnaire contact in the other records, so every workbook of
 * a pack holds it.
 */
final class PackSeed {

	static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

	record Sizes(int decisions, int cases, int captures, int carrierReviews, int questionnaires) {
	}

	private final JdbcTemplate jdbc;

	private final EvidenceService evidence;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	/** The random tag in this seed's names. */
	String tag() {
		return tag;
	}

	PackSeed(JdbcTemplate jdbc, EvidenceService evidence) {
		this.jdbc = jdbc;
		this.evidence = evidence;
	}

	/** Seeds {@code year}; returns the stored evidence files' count. */
	int seed(int year, Sizes sizes) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		LocalDate first = LocalDate.of(year, 1, 1);
		UUID owner = person("Pack Owner " + tag, "pack-owner-" + tag, now);
		UUID formula = person(FORMULA, "pack-formula-" + tag, now);
		int systemsCount = 10;
		int peopleCount = Math.max(2, (sizes.decisions() / 4 + systemsCount - 1) / systemsCount);
		List<UUID> people = new ArrayList<>();
		people.add(formula);
		List<Object[]> personRows = new ArrayList<>();
		for (int i = 1; i < peopleCount; i++) {
			UUID id = UUID.randomUUID();
			people.add(id);
			personRows
				.add(new Object[] { id, "PK-" + tag + "-" + i, "Pack Person " + i, "pp" + i + "-" + tag + "@x.test",
						"pp" + i + "-" + tag, now.toLocalDate().minusYears(3), now, now });
		}
		jdbc.batchUpdate("insert into person (id, version, hr_id, full_name, email, username, employment_type, "
				+ "employment_status, start_date, created_at, updated_at) values (?, 0, ?, ?, ?, ?, 'EMPLOYEE', "
				+ "'ACTIVE', ?, ?, ?)", personRows);
		List<UUID> systems = new ArrayList<>();
		for (int s = 0; s < systemsCount; s++) {
			UUID id = UUID.randomUUID();
			systems.add(id);
			jdbc.update("insert into access_system (id, version, name, kind, owner_id, in_review_scope, connector, "
					+ "reviewer_strategy, created_at, updated_at) values (?, 0, ?, 'SBC', ?, true, 'MANUAL', "
					+ "'SYSTEM_OWNER', ?, ?)", id, "Pack System " + s + " " + tag, owner, now, now);
		}
		List<UUID> grants = new ArrayList<>();
		List<Object[]> grantRows = new ArrayList<>();
		for (UUID person : people) {
			for (UUID system : systems) {
				UUID id = UUID.randomUUID();
				grants.add(id);
				grantRows.add(new Object[] { id, person, system, at(first.minusYears(1)) });
			}
		}
		jdbc.batchUpdate(
				"insert into access_grant (id, version, person_id, system_id, entitlement, privileged, "
						+ "granted_at, granted_by, status) values (?, 0, ?, ?, 'operator', false, ?, 'seed', 'ACTIVE')",
				grantRows);
		decisions(year, sizes.decisions(), owner, people, systems, grants);
		cases(year, sizes.cases(), people);
		List<UUID> vendors = carriers(year, sizes.carrierReviews(), owner, now);
		captures(year, sizes.captures(), vendors);
		questionnaires(year, sizes.questionnaires(), vendors, now);
		sipChanges(year, vendors, now);
		certificates(year, vendors);
		return storedEvidence(year, sizes);
	}

	private UUID person(String name, String username, OffsetDateTime now) {
		UUID id = UUID.randomUUID();
		jdbc.update("insert into person (id, version, hr_id, full_name, email, username, employment_type, "
				+ "employment_status, start_date, created_at, updated_at) values (?, 0, ?, ?, ?, ?, 'EMPLOYEE', "
				+ "'ACTIVE', ?, ?, ?)", id, "PK-" + username, name, username + "@x.test", username,
				now.toLocalDate().minusYears(3), now, now);
		return id;
	}

	private void decisions(int year, int count, UUID reviewer, List<UUID> people, List<UUID> systems,
			List<UUID> grants) {
		int perQuarter = (count + 3) / 4;
		int written = 0;
		for (int q = 0; q < 4 && written < count; q++) {
			LocalDate start = LocalDate.of(year, q * 3 + 1, 1);
			UUID campaign = UUID.randomUUID();
			int items = Math.min(perQuarter, count - written);
			jdbc.update("insert into review_campaign (id, version, name, period, deadline, status, unanswered_rule, "
					+ "dormant_after_days, item_count, started_by, started_at, reviews_ended_at, closed_by, closed_at, "
					+ "signed_off_by, signed_off_at) values (?, 0, ?, ?, ?, 'SIGNED_OFF', 'REVOKE', 90, ?, 'seed', ?, ?, "
					+ "'seed', ?, 'seed-lead', ?)", campaign, "Access review " + year + "-Q" + (q + 1) + " " + tag,
					year + "-Q" + (q + 1), at(start.plusDays(30)), items, at(start), at(start.plusDays(30)),
					at(start.plusDays(31)), at(start.plusDays(32)));
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < items; i++) {
				int g = i % grants.size();
				UUID person = people.get(g / systems.size());
				UUID system = systems.get(g % systems.size());
				String name = person.equals(people.get(0)) ? FORMULA : "Pack Person " + (g / systems.size());
				String decision = i % 10 == 0 ? "REVOKE" : "KEEP";
				OffsetDateTime decided = at(start.plusDays(1 + i % 28)).plusSeconds(i);
				rows.add(new Object[] { UUID.randomUUID(), campaign, grants.get(g), person, name, system,
						"Pack System " + (g % systems.size()), reviewer, at(start.minusYears(1)), reviewer,
						"pack-owner-" + tag, decision, decision.equals("KEEP") ? null : "No longer needed: " + name,
						"pack-owner-" + tag, decided, decided,
						decision.equals("KEEP") ? "NOT_REQUIRED" : "REMEDIATED" });
			}
			jdbc.batchUpdate("insert into review_item (id, version, campaign_id, grant_id, person_id, person_name, "
					+ "person_status, person_type, system_id, system_name, system_owner_id, connector, entitlement, "
					+ "privileged, granted_at, flag_dormant, flag_orphan, flag_contractor_expired, is_new, carried_over, "
					+ "reviewer_id, reviewer_username, routing, decision, justification, decided_by, decided_at, "
					+ "submitted, submitted_at, closure, remediation_status) values (?, 0, ?, ?, ?, ?, 'ACTIVE', "
					+ "'EMPLOYEE', ?, ?, ?, 'MANUAL', 'operator', false, ?, false, false, false, false, false, ?, ?, "
					+ "'SYSTEM_OWNER', ?, ?, ?, ?, true, ?, 'REVIEWED', ?)", rows);
			written += items;
		}
	}

	private void cases(int year, int count, List<UUID> people) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			OffsetDateTime effective = at(LocalDate.of(year, 1, 1).plusDays(i % 360)).plusMinutes(i);
			long seconds = 600 + (i * 37L) % (30 * 3600);
			rows.add(new Object[] { UUID.randomUUID(), people.get(i % people.size()), "PK-case-" + i,
					"pack-leaver-" + i, "pack-" + tag + "-" + i, effective, effective.plusSeconds(5),
					effective.plusSeconds(seconds), seconds, seconds <= 24 * 3600,
					effective.plusSeconds(seconds + 60) });
		}
		jdbc.batchUpdate("insert into deprovisioning_case (id, version, person_id, hr_id, username, event_id, source, "
				+ "effective_at, received_at, status, verification_attempts, last_access_removed_at, "
				+ "time_to_deprovision_seconds, sla_met, completed_at) values (?, 0, ?, ?, ?, ?, 'HR_WEBHOOK', ?, ?, "
				+ "'COMPLETED', 1, ?, ?, ?, ?)", rows);
	}

	private List<UUID> carriers(int year, int reviews, UUID owner, OffsetDateTime now) {
		List<UUID> vendors = new ArrayList<>();
		int count = Math.max(3, reviews);
		for (int v = 0; v < count; v++) {
			UUID id = UUID.randomUUID();
			vendors.add(id);
			jdbc.update("insert into vendor (id, version, name, services, risk_tier, owner_id, created_at, updated_at, "
					+ "encryption_status, encryption_observed_at, encryption_basis) values (?, 0, ?, 'SIP trunking', "
					+ "'HIGH', ?, ?, ?, ?, ?, ?)", id, "Pack Carrier " + v + " " + tag, owner, now, now,
					v % 4 == 0 ? "PARTLY_ENCRYPTED" : "ENCRYPTED", at(LocalDate.of(year, 6, 1)),
					"Capture of " + year + "-06-01");
		}
		List<Object[]> rows = new ArrayList<>();
		for (int r = 0; r < reviews; r++) {
			OffsetDateTime decided = at(LocalDate.of(year, 1, 1).plusDays(r % 360));
			rows.add(new Object[] { UUID.randomUUID(), vendors.get(r % vendors.size()), decided.minusDays(10),
					"Reviewed the SOC 2 report and questionnaire", FORMULA, decided, decided.toLocalDate().plusYears(1),
					decided });
		}
		jdbc.batchUpdate("insert into vendor_review (id, version, vendor_id, status, step, started_by, started_at, "
				+ "decision, rationale, decided_by, decided_at, next_due_on, completed_at, encryption_status) values "
				+ "(?, 0, ?, 'APPROVED', 'DONE', 'seed', ?, 'APPROVED', ?, ?, ?, ?, ?, 'Encrypted')", rows);
		return vendors;
	}

	private void captures(int year, int count, List<UUID> vendors) {
		List<Object[]> captures = new ArrayList<>();
		List<Object[]> findings = new ArrayList<>();
		for (int c = 0; c < count; c++) {
			UUID id = UUID.randomUUID();
			OffsetDateTime uploaded = at(LocalDate.of(year, 1, 1).plusDays((c * 3) % 360));
			captures.add(new Object[] { id, "trunk-" + c + "-" + tag + ".pcapng",
					io.trunkguard.evidence.Sha256.hex(tag + c), vendors.get(c % vendors.size()), FORMULA, uploaded,
					uploaded.plusMinutes(2), "4 legs, 1 unencrypted" });
			findings.add(new Object[] { UUID.randomUUID(), id, "HIGH", "CC6.7", "UNENCRYPTED_MEDIA",
					"RTP leg without SRTP toward " + FORMULA });
			findings.add(new Object[] { UUID.randomUUID(), id, "MEDIUM", "CC7.2", "REGISTRATION_BRUTE_FORCE",
					"40 failed REGISTER attempts in a minute" });
		}
		jdbc.batchUpdate("insert into capture (id, version, file_name, sha256, size_bytes, label, vendor_id, "
				+ "internal_networks, uploaded_by, uploaded_at, status, bytes_read, attempts, analysed_at, headline, "
				+ "leg_count, encrypted_legs, partly_encrypted_legs, unencrypted_legs, finding_count) values "
				+ "(?, 0, ?, ?, 1000, 'CARRIER_TRUNK', ?, '10.0.0.0/8', ?, ?, 'DONE', 1000, 1, ?, ?, 4, 2, 1, 1, 2)",
				captures);
		jdbc.batchUpdate("insert into capture_finding (id, capture_id, rule_id, severity, criterion, subject_type, "
				+ "subject_id, explanation) values (?, ?, 'pack.rule', ?, ?, 'LEG', ?, ?)", findings);
	}

	/**
	 * Three SIP changes applied in {@code year} (the first requested by the formula-like
	 * name, approved by another, its excerpt with two secrets redacted; the last awaiting
	 * approval) and one applied the year after, outside the period.
	 */
	private void sipChanges(int year, List<UUID> vendors, OffsetDateTime now) {
		String[][] changes = { { "SBC", "sbc-" + tag, FORMULA, "compliance-lead", year + "-03-10", "APPROVED" },
				{ "TRUNK", "trunk-" + tag, "Pack change requester " + tag, "compliance-lead", year + "-07-01",
						"APPROVED" },
				{ "PBX", "pbx-" + tag, "Pack change requester " + tag, null, year + "-12-30", "AWAITING_APPROVAL" },
				{ "PROXY", "proxy-" + tag, "Pack change requester " + tag, "compliance-lead", (year + 1) + "-01-02",
						"APPROVED" } };
		for (int c = 0; c < changes.length; c++) {
			String[] change = changes[c];
			UUID id = UUID.randomUUID();
			LocalDate applied = LocalDate.parse(change[4]);
			jdbc.update("insert into sip_change (id, kind, system_name, vendor_id, summary, reason, requested_by, "
					+ "applied_on, touches_encryption, status, recorded_by, recorded_at, approved_by, approved_at, "
					+ "version) values (?, ?, ?, ?, ?, 'Carrier asked for SRTP', ?, ?, ?, ?, 'seed', ?, ?, ?, 0)", id,
					change[0], change[1], vendors.get(c % vendors.size()), "Pack change " + c + " " + tag, change[2],
					applied, c == 0, change[5], at(applied), change[3], change[3] == null ? null : at(applied));
			if (c == 0) {
				jdbc.update("insert into sip_change_excerpt (id, change_id, stored_file_id, file_name, sha256, "
						+ "redactions, redaction_summary, added_by, added_at) values (?, ?, ?, 'sbc.cfg', ?, 2, "
						+ "'2 secrets redacted (password, private key)', 'seed', ?)", UUID.randomUUID(), id,
						UUID.randomUUID(), io.trunkguard.evidence.Sha256.hex("excerpt " + tag), at(applied));
			}
		}
	}

	/**
	 * Two certificates of a carrier's endpoint: one that expired mid-{@code year},
	 * renewed by one valid for years.
	 */
	private void certificates(int year, List<UUID> vendors) {
		UUID old = UUID.randomUUID();
		String endpoint = "sip-" + tag + ".carrier.example:5061";
		String insert = "insert into watched_certificate (id, sha256_fingerprint, subject, issuer, serial, not_before, "
				+ "not_after, key_algorithm, key_bits, signature_algorithm, origin, vendor_id, endpoint, added_by, "
				+ "added_at, renews_id) values (?, ?, ?, 'CN=Pack CA', ?, ?, ?, 'RSA', 2048, 'SHA256withRSA', "
				+ "'HAND', ?, ?, 'seed', ?, ?)";
		jdbc.update(insert, old, io.trunkguard.evidence.Sha256.hex("old certificate " + tag), "CN=" + FORMULA, "01",
				at(LocalDate.of(year - 1, 6, 1)), at(LocalDate.of(year, 6, 1)), vendors.get(0), endpoint,
				at(LocalDate.of(year - 1, 6, 1)), null);
		jdbc.update(insert, UUID.randomUUID(), io.trunkguard.evidence.Sha256.hex("new certificate " + tag),
				"CN=sip-" + tag + ".carrier.example", "02", at(LocalDate.of(year, 5, 20)),
				at(LocalDate.of(year + 40, 5, 20)), vendors.get(0), endpoint, at(LocalDate.of(year, 5, 20)), old);
	}

	private void questionnaires(int year, int count, List<UUID> vendors, OffsetDateTime now) {
		UUID template = UUID.randomUUID();
		jdbc.update("insert into questionnaire_template (id, name, created_by, created_at) values (?, ?, 'seed', ?)",
				template, "Pack template " + tag, now);
		String[] questions = { "TLS on signalling?", "SRTP on media?", "Who is your security contact?" };
		for (int q = 0; q < questions.length; q++) {
			jdbc.update(
					"insert into questionnaire_template_question (template_id, position, section, code, text, "
							+ "type, weight) values (?, ?, 'Encryption', ?, ?, 'TEXT', 1)",
					template, q, "Q" + q, questions[q]);
		}
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			OffsetDateTime sent = at(LocalDate.of(year, 2, 1).plusDays(i % 300));
			jdbc.update("insert into questionnaire (id, version, vendor_id, template_id, contact_name, contact_email, "
					+ "token_hash, links_issued, sent_by, sent_at, expires_at, submitted_at, reminders_sent) values "
					+ "(?, 0, ?, ?, ?, 'contact@x.test', ?, 1, 'seed', ?, ?, ?, 0)", id,
					vendors.get(i % vendors.size()), template, FORMULA,
					io.trunkguard.evidence.Sha256.hex(id.toString()), sent, sent.plusDays(30), sent.plusDays(3));
			for (int q = 0; q < questions.length; q++) {
				jdbc.update("insert into questionnaire_answer (questionnaire_id, position, question_code, "
						+ "answer_value) values (?, ?, ?, ?)", id, q, "Q" + q, q == 2 ? FORMULA : "Yes");
			}
		}
	}

	private int storedEvidence(int year, Sizes sizes) {
		int stored = 0;
		for (int c = 0; c < sizes.captures(); c++) {
			LocalDate day = LocalDate.of(year, 1, 1).plusDays((c * 3) % 360);
			evidence.store(pdf("Capture compliance report " + c + " " + tag, 8_000), "capture-report-" + c + ".pdf",
					new EvidenceDraft("Capture compliance report (PDF) of trunk-" + c, List.of("CC6.7", "CC7.2"), day,
							day, "Capture", tag + "-" + c),
					"seed");
			stored++;
		}
		for (int r = 0; r < sizes.carrierReviews(); r++) {
			LocalDate day = LocalDate.of(year, 1, 1).plusDays(r % 360);
			evidence.store(pdf("Carrier review record " + r + " " + tag, 4_000), "carrier-review-" + r + ".pdf",
					new EvidenceDraft("Annual review of Pack Carrier " + r + ": approved", List.of("CC9.2"), day, day,
							"VendorReview", tag + "-" + r),
					"seed");
			stored++;
		}
		for (int q = 0; q < 4; q++) {
			LocalDate end = LocalDate.of(year, q * 3 + 1, 1).plusMonths(3).minusDays(1);
			evidence.store(pdf("Access review report " + year + "-Q" + (q + 1) + " " + tag, 20_000),
					"access-review-" + year + "-Q" + (q + 1) + ".pdf",
					new EvidenceDraft("Access review report " + year + "-Q" + (q + 1) + " (PDF)", List.of("CC6.1"),
							end.minusMonths(3).plusDays(1), end, "ReviewCampaign", tag + "-" + q),
					"seed");
			stored++;
		}
		return stored;
	}

	/** The demo's stand-in PDF, padded to about {@code size} bytes. */
	static byte[] pdf(String text, int size) {
		return io.trunkguard.demo.DemoDocuments.pdf(text, size);
	}

	private static OffsetDateTime at(LocalDate day) {
		return day.atTime(9, 0).atOffset(ZoneOffset.UTC);
	}

}
