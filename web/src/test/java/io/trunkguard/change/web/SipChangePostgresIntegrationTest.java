package io.trunkguard.change.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.TrunkguardApplication;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * A SIP change record on a real PostgreSQL (the context of
 * {@code PostgresIntegrationTest}, shared: same classes, properties and profile): a
 * change to the SBC's encryption settings linked to a demo capture, its configuration
 * excerpt stored with the password and the {@code a=crypto} inline key redacted, approved
 * by a second person as CC8.1 and CC6.7 evidence, listed for the auditor in its period
 * and carried by a CC6.7 pack.
 */
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class },
		properties = { "TRUNKGUARD_DEMO_ENABLED=true", "TRUNKGUARD_PASSWORD_ADMIN=admin-postgres-pw",
				"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN" })
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
class SipChangePostgresIntegrationTest {

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	FileStore files;

	@Autowired
	EvidenceService evidence;

	@Test
	void recordsRedactsApprovesListsAndPacksAChangeOnPostgres() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		String captureId = jdbc.queryForList("select id from capture order by uploaded_at", String.class).get(0);
		LocalDate applied = LocalDate.now().minusDays(1);
		String lead = "lead-pg-" + run;
		String body = json.writeValueAsString(
				Map.of("kind", "SBC", "systemName", "edge-sbc-" + run, "summary", "Require SRTP on the trunk " + run,
						"reason", "The carrier contract requires encrypted media.", "requestedBy", "engineer-" + run,
						"appliedOn", applied.toString(), "touchesEncryption", true, "captureId", captureId));
		MvcResult recorded = mvc
			.perform(post("/api/changes").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(csrf())
				.with(user(lead).roles("compliance-lead")))
			.andReturn();
		assertThat(recorded.getResponse().getStatus()).as(recorded.getResponse().getContentAsString()).isEqualTo(201);
		String id = json.readTree(recorded.getResponse().getContentAsString()).get("id").asText();

		String excerpt = """
				transport=tls
				secret = Trunk-Password-%s
				a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32
				media_encryption=sdes
				""".formatted(run);
		MvcResult uploaded = mvc
			.perform(multipart("/api/changes/" + id + "/excerpts")
				.file(new MockMultipartFile("file", "pjsip.conf", "text/plain",
						excerpt.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(user(lead).roles("compliance-lead")))
			.andReturn();
		assertThat(uploaded.getResponse().getStatus()).as(uploaded.getResponse().getContentAsString()).isEqualTo(201);
		JsonNode stored = json.readTree(uploaded.getResponse().getContentAsString());
		assertThat(stored.get("redactions").asInt()).isEqualTo(2);
		String text;
		try (InputStream in = files.open(StoredFileId.of(stored.get("storedFileId").asText()))) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(text).doesNotContain("Trunk-Password-" + run, "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR")
			.contains("transport=tls", "media_encryption=sdes");

		JsonNode approved = json.readTree(mvc
			.perform(post("/api/changes/" + id + "/approval").with(csrf())
				.with(user("second-pg-" + run).roles("compliance-lead")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
		assertThat(approved.get("captureId").asText()).isEqualTo(captureId);
		EvidenceItem item = evidence.get(UUID.fromString(approved.get("evidenceItemId").asText()));
		assertThat(item.getControls()).containsExactlyInAnyOrder("CC8.1", "CC6.7");
		assertThat(jdbc.queryForObject("select status from sip_change where id = ?", String.class, UUID.fromString(id)))
			.isEqualTo("APPROVED");

		String auditor = "auditor-pg-" + run;
		String page = mvc
			.perform(get("/changes").param("from", applied.toString())
				.param("to", applied.toString())
				.with(user(auditor).roles("auditor")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-change=\"" + id + "\"", "Require SRTP on the trunk " + run);

		MvcResult started = mvc
			.perform(get("/api/evidence-packs?criteria=CC6.7&from=" + applied + "&to=" + applied)
				.with(user(auditor).roles("auditor")))
			.andExpect(request().asyncStarted())
			.andReturn();
		started.getAsyncResult(120_000);
		byte[] zip = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();
		List<String> row = changeRow(zip, "Require SRTP on the trunk " + run);
		assertThat(row).contains(applied.toString(), "engineer-" + run, "second-pg-" + run, "Approved", "Yes");
	}

	/**
	 * The row of the pack's {@code workbooks/sip-changes.xlsx} whose summary is given.
	 */
	private static List<String> changeRow(byte[] zip, String summary) throws Exception {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!entry.getName().equals("workbooks/sip-changes.xlsx")) {
					continue;
				}
				try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(in.readAllBytes()))) {
					DataFormatter formatter = new DataFormatter();
					for (Row row : workbook.getSheet("Changes")) {
						List<String> cells = new ArrayList<>();
						row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
						if (cells.contains(summary)) {
							return cells;
						}
					}
				}
				throw new AssertionError("no row for " + summary + " in workbooks/sip-changes.xlsx");
			}
		}
		throw new AssertionError("the pack has no workbooks/sip-changes.xlsx");
	}

}
