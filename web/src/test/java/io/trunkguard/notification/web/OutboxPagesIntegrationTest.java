package io.trunkguard.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.trunkguard.EmbeddedDefaultTest;

/**
 * The outbox page per role, on the embedded default (no SMTP server: messages are kept in
 * the outbox). Compliance leads and admins see every message, newest first, filtered and
 * paged; a reviewer or auditor sees only the messages addressed to them and cannot open
 * another's.
 */
@EmbeddedDefaultTest
class OutboxPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String run;

	UUID toReviewer;

	UUID toLead;

	UUID undeliverable;

	static RequestPostProcessor as(String username, String role) {
		return user(username).roles(role);
	}

	/**
	 * Three messages written just now, so they head the lists whatever else the shared
	 * database holds.
	 */
	@BeforeEach
	void messages() {
		run = UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		toReviewer = insert("reviewer", "reviewer@example.test", "REVIEW_REMINDER", "KEPT_IN_OUTBOX", "Reminder " + run,
				now.minusSeconds(3), null);
		toLead = insert("compliance-lead", "lead@example.test", "REVIEW_ESCALATION", "KEPT_IN_OUTBOX",
				"Escalation " + run, now.minusSeconds(2), null);
		undeliverable = insert("ghost-" + run, null, "REMOVAL_ESCALATION", "FAILED", "Undeliverable " + run,
				now.minusSeconds(1), "no e-mail address known for ghost");
	}

	UUID insert(String username, String email, String kind, String status, String subject, Instant createdAt,
			String error) {
		UUID id = UUID.randomUUID();
		jdbc.update(
				"""
						insert into outbox_message (id, version, kind, recipient_username, recipient_name, recipient_email, subject, body,
						  reference_type, reference_id, created_at, status, attempts, last_error)
						values (?, 0, ?, ?, ?, ?, ?, ?, 'ReviewCampaign', ?, ?, ?, 0, ?)""",
				id, kind, username, "Name of " + username, email, subject,
				"Hello " + username + ",\n\nbody of " + subject + "\n", "campaign-" + run,
				OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC), status, error);
		return id;
	}

	String page(String url, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(url).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void showsTheComplianceLeadEveryMessageNewestFirst() throws Exception {
		String html = page("/outbox", as("compliance-lead", "compliance-lead"));

		assertThat(html).contains("Undeliverable " + run, "Escalation " + run, "Reminder " + run)
			.contains("No mail server is configured");
		assertThat(html.indexOf("Undeliverable " + run)).isLessThan(html.indexOf("Escalation " + run));
		assertThat(html.indexOf("Escalation " + run)).isLessThan(html.indexOf("Reminder " + run));
	}

	@Test
	void showsTheAdminEveryMessage() throws Exception {
		assertThat(page("/outbox", as("admin", "admin"))).contains("Undeliverable " + run, "Escalation " + run,
				"Reminder " + run);
	}

	@Test
	void showsAReviewerOnlyTheMessagesAddressedToThem() throws Exception {
		String html = page("/outbox", as("reviewer", "reviewer"));

		assertThat(html).contains("Reminder " + run)
			.contains("messages to you")
			.doesNotContain("Escalation " + run)
			.doesNotContain("Undeliverable " + run);
	}

	@Test
	void showsAnAuditorNoneOfOthersMessages() throws Exception {
		assertThat(page("/outbox", as("auditor", "auditor"))).doesNotContain("Reminder " + run)
			.doesNotContain("Escalation " + run)
			.doesNotContain("Undeliverable " + run);
	}

	@Test
	void filtersByStatusAndKind() throws Exception {
		RequestPostProcessor lead = as("compliance-lead", "compliance-lead");

		assertThat(page("/outbox?status=FAILED", lead)).contains("Undeliverable " + run)
			.doesNotContain("Reminder " + run);
		assertThat(page("/outbox?kind=REVIEW_ESCALATION", lead)).contains("Escalation " + run)
			.doesNotContain("Reminder " + run)
			.doesNotContain("Undeliverable " + run);
		assertThat(page("/outbox?status=KEPT_IN_OUTBOX&kind=REVIEW_REMINDER", lead)).contains("Reminder " + run)
			.doesNotContain("Escalation " + run);
	}

	@Test
	void refusesAnUnknownFilterWithAClearMessage() throws Exception {
		String html = mvc.perform(get("/outbox?status=LOST").with(as("compliance-lead", "compliance-lead")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("There is no message status &quot;LOST&quot;").contains("Kept in the outbox");
	}

	@Test
	void pagesTwentyFiveMessagesAtATime() throws Exception {
		String username = "pager-" + run;
		for (int i = 0; i < 30; i++) {
			insert(username, username + "@example.test", "REVIEW_REMINDER", "KEPT_IN_OUTBOX", "Paged " + run + " #" + i,
					Instant.now().minus(java.time.Duration.ofDays(400)).plusSeconds(i), null);
		}
		RequestPostProcessor reader = as(username, "reviewer");

		String first = page("/outbox", reader);
		String second = page("/outbox?page=1", reader);

		assertThat(rows(first)).isEqualTo(25);
		assertThat(first).contains("Paged " + run + " #29")
			.doesNotContain("Paged " + run + " #4<")
			.contains("Page 1 of 2 · 30 messages");
		assertThat(rows(second)).isEqualTo(5);
		assertThat(second).contains("Paged " + run + " #0<").contains("Page 2 of 2");
	}

	@Test
	void opensTheDetailOfOnesOwnMessageButNotAnothers() throws Exception {
		String mine = page("/outbox/" + toReviewer, as("reviewer", "reviewer"));
		assertThat(mine).contains("body of Reminder " + run)
			.contains("Kept in the outbox")
			.contains("reviewer@example.test");

		mvc.perform(get("/outbox/" + toLead).with(as("reviewer", "reviewer"))).andExpect(status().isNotFound());
		mvc.perform(get("/outbox/" + UUID.randomUUID()).with(as("compliance-lead", "compliance-lead")))
			.andExpect(status().isNotFound());

		String failed = page("/outbox/" + undeliverable, as("compliance-lead", "compliance-lead"));
		assertThat(failed).contains("no e-mail address known for ghost").contains("(no address known)");
	}

	@Test
	void refusesToSendAgainWithoutAnSmtpServerAndChangesNothing() throws Exception {
		mvc.perform(
				post("/outbox/" + toLead + "/send-again").with(csrf()).with(as("compliance-lead", "compliance-lead")))
			.andExpect(redirectedUrl("/outbox/" + toLead))
			.andExpect(
					flash().attribute("error", org.hamcrest.Matchers.containsString("No SMTP server is configured")));

		assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, toLead))
			.isEqualTo("KEPT_IN_OUTBOX");
	}

	@Test
	void linksTheOutboxInTheNavigationOfEveryLoggedInRole() throws Exception {
		for (String role : new String[] { "reviewer", "compliance-lead", "auditor", "admin" }) {
			assertThat(page("/outbox", as(role, role))).as(role).contains("id=\"nav-outbox\"");
		}
	}

	private static int rows(String html) {
		Matcher m = Pattern.compile("<tr data-id=").matcher(html);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

}
