package io.trunkguard.deprovisioning.integration.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HR's three formats read without HTTP: what is accepted and how each bad input is named.
 */
class HrFormatsTest {

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsATerminationEventWithItsOffsetDateTime() throws Exception {
		TerminationNotice notice = new TerminationEventParser(new ObjectMapper()).parse(bytes("""
				{"eventId": " evt-1 ", "hrId": "HR-7", "effectiveAt": "2026-11-26T18:00:00+01:00"}
				"""), TerminationSource.HR_WEBHOOK, "client:hr-webhook");

		assertThat(notice.eventId()).isEqualTo("evt-1");
		assertThat(notice.hrId()).isEqualTo("HR-7");
		assertThat(notice.effectiveAt()).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
	}

	@Test
	void namesEveryProblemOfABadEvent() {
		assertThatThrownBy(() -> new TerminationEventParser(new ObjectMapper())
			.parse(bytes("{\"effectiveAt\": \"yesterday\", \"type\": \"hire\"}"), TerminationSource.HR_WEBHOOK, "x"))
			.isInstanceOf(TerminationEventParser.BadEvent.class)
			.hasMessageContaining("eventId is required")
			.hasMessageContaining("hrId is required")
			.hasMessageContaining("effectiveAt is not an ISO-8601 date-time")
			.hasMessageContaining("type must be 'termination'");
	}

	@Test
	void readsARosterInAnyColumnOrderWithItsHash() throws Exception {
		RosterCsv.Roster roster = RosterCsv
			.read(bytes("\uFEFFname,end_date,hr_id\n\"Doe, Jane\",2026-12-31,HR-1\nBob,,HR-2\n"));

		assertThat(roster.entries()).hasSize(2);
		assertThat(roster.entries().get(0).hrId()).isEqualTo("HR-1");
		assertThat(roster.entries().get(0).endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(roster.entries().get(1).endDate()).isNull();
		assertThat(roster.sha256()).hasSize(64)
			.isEqualTo(RosterCsv.read(bytes("\uFEFFname,end_date,hr_id\n\"Doe, Jane\",2026-12-31,HR-1\nBob,,HR-2\n"))
				.sha256());
	}

	@Test
	void refusesARosterWholeListingEveryBadLine() {
		assertThatThrownBy(() -> RosterCsv.read(bytes("hr_id,end_date\nHR-1,31/12/2026\n,\nHR-1,\n")))
			.isInstanceOfSatisfying(RosterCsv.BadRoster.class,
					e -> assertThat(e.errors()).containsExactly(
							"line 2: end_date is not an ISO date (yyyy-mm-dd): 31/12/2026",
							"line 3: hr_id missing or longer than 64 characters", "line 4: hr_id HR-1 appears twice"))
			.hasMessageContaining("nothing imported");
		assertThatThrownBy(() -> RosterCsv.read(new byte[] { (byte) 0xff, (byte) 0xfe, 'a' }))
			.hasMessage("the roster is not UTF-8 text");
	}

	@Test
	void readsAScimPatchThatOnlyDeactivates() throws Exception {
		ScimPatch patch = new ScimPatch(new ObjectMapper());

		assertThat(patch.deactivates(bytes("""
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "Replace", "value": {"active": "False"}}]}
				"""))).isTrue();
	}

	@Test
	void refusesAScimPatchOfAnythingButActiveWithItsScimType() {
		ScimPatch patch = new ScimPatch(new ObjectMapper());

		assertThatThrownBy(() -> patch.deactivates(bytes("""
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "replace", "path": "userName", "value": "x"}]}
				"""))).isInstanceOfSatisfying(ScimPatch.BadPatch.class,
				e -> assertThat(e.scimType()).isEqualTo("invalidPath"));
		assertThatThrownBy(() -> patch.deactivates(bytes("""
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "replace", "path": "active", "value": true}]}
				"""))).isInstanceOfSatisfying(ScimPatch.BadPatch.class,
				e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
		assertThatThrownBy(() -> patch.deactivates(bytes("{\"Operations\": []}")))
			.isInstanceOfSatisfying(ScimPatch.BadPatch.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
	}

}
