package io.trunkguard.vendorreview.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.testsupport.EmbeddedPostgresTestConfiguration;
import io.trunkguard.TrunkguardApplication;
import io.trunkguard.questionnaire.QuestionnaireService;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorService;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The carrier record's additions on a real PostgreSQL, through the API and the pages: the
 * profile with its computed tier, templates and answered questionnaires imported from
 * XLSX (bad rows listed, nothing half-imported), signed documents uploaded and
 * downloaded, the board.
 */
@SpringBootTest(classes = { TrunkguardApplication.class, EmbeddedPostgresTestConfiguration.class },
		properties = { "TRUNKGUARD_DEMO_ENABLED=true", "TRUNKGUARD_PASSWORD_ADMIN=admin-postgres-pw",
				"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN" })
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
class CarrierRecordPostgresIntegrationTest {

	static final RequestPostProcessor LEAD = user("compliance-lead").roles("compliance-lead");

	static final RequestPostProcessor AUDITOR = user("auditor").roles("auditor");

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	VendorService vendors;

	@Autowired
	QuestionnaireService questionnaires;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theProfileSetsAndExplainsTheTierAndRefusesUnknownCountries() throws Exception {
		Vendor meridian = vendors.findByName("Meridian Voice Networks").orElseThrow();
		String path = "/api/vendors/" + meridian.getId() + "/profile";
		mvc.perform(put(path).with(LEAD).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"status":"ACTIVE","headquartersCountry":"fr",
				 "riskCriteria":{"dataHandled":"CALL_METADATA","callContent":"RECORDS","criticality":"LOW"},
				 "subProcessors":[{"name":"OVHcloud","purpose":"Hosting of the call recorder","country":"FR"}]}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.riskTier").value("CRITICAL"))
			.andExpect(jsonPath("$.headquartersCountry").value("FR"))
			.andExpect(jsonPath("$.riskTierExplanation")
				.value(org.hamcrest.Matchers.startsWith("Critical tier, set by call content: records")));
		mvc.perform(put(path).with(LEAD).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"status":"ACTIVE","headquartersCountry":"ZZ","subProcessors":[]}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("\"ZZ\" is not a country code")));
		mvc.perform(put(path).with(AUDITOR).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"status":"OFFBOARDED","subProcessors":[]}
				""")).andExpect(status().isForbidden());
		assertThat(vendors.get(meridian.getId()).getHeadquartersCountry()).isEqualTo("FR");

		String page = mvc.perform(get("/vendors/" + meridian.getId()).with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Critical tier, set by call content").contains("OVHcloud").contains("France");
		assertThat(page).doesNotContain("id=\"profile-form\"");

		mvc.perform(post("/vendors/" + meridian.getId() + "/profile").with(LEAD)
			.with(csrf())
			.param("status", "ACTIVE")
			.param("headquartersCountry", "FR")
			.param("dataHandled", "CALL_METADATA")
			.param("subName", "Half filled")
			.param("subPurpose", "")
			.param("subCountry", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("profileError",
						"Choose all three risk criteria (data handled, call content, criticality) or none."));
	}

	@Test
	void importsATemplateOnlyWhenEveryRowIsRightListingEachBadRow() throws Exception {
		byte[] bad = workbook(List.of(List.of("Section", "Id", "Question", "Type", "Choices", "Expected answer"),
				List.of("Encryption", "E1", "TLS on SIP?", "yes/no", "", "Yes"),
				List.of("Encryption", "E1", "Duplicate id", "text", "", ""),
				List.of("Access", "A1", "MFA?", "maybe", "", ""), List.of("Access", "A2", "=1+1", "text", "", "")), 3,
				2);
		mvc.perform(multipart("/api/vendors/questionnaire-templates")
			.file(new MockMultipartFile("file", "caiq.xlsx", "application/octet-stream", bad))
			.param("name", "Customer CAIQ copy")
			.with(LEAD)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("row 3: the id E1 is used by an earlier row"),
					org.hamcrest.Matchers.containsString("the type \"maybe\" is not one of"),
					org.hamcrest.Matchers.containsString("row 4: cell C4 holds a formula"))));
		assertThat(jdbc.queryForObject("select count(*) from questionnaire_template where name = 'Customer CAIQ copy'",
				Integer.class))
			.isZero();

		byte[] good = workbook(
				List.of(List.of("Section", "Id", "Question", "Type", "Choices", "Expected answer", "Help", "Weight"),
						List.of("Encryption", "E1", "Do you require TLS 1.2+ on SIP?", "Yes/No", "", "Yes", "", "2"),
						List.of("Encryption", "E2", "Which media encryption?", "single choice", "None|SRTP|DTLS-SRTP",
								"SRTP", "", ""),
						List.of("Access", "A1", "=Hidden formula text stays text", "text", "", "", "", "")),
				-1, -1);
		mvc.perform(multipart("/api/vendors/questionnaire-templates")
			.file(new MockMultipartFile("file", "caiq.xlsx", "application/octet-stream", good))
			.param("name", "Customer CAIQ copy")
			.with(LEAD)
			.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.questions.length()").value(3))
			.andExpect(jsonPath("$.questions[0].weight").value(2))
			.andExpect(jsonPath("$.questions[1].type").value("SINGLE_CHOICE"));
		mvc.perform(multipart("/api/vendors/questionnaire-templates")
			.file(new MockMultipartFile("file", "caiq.xlsx", "application/octet-stream", good))
			.param("name", "Another copy")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/vendors/questionnaire-templates").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Customer CAIQ copy")));
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'QUESTIONNAIRE_TEMPLATE_IMPORTED'", Integer.class))
			.isPositive();
	}

	@Test
	void leadsRenameTemplatesDeleteUnusedOnesAndRetireUsedOnes() throws Exception {
		byte[] sheet = workbook(List.of(List.of("Section", "Id", "Question", "Type"),
				List.of("Encryption", "E1", "Do you require TLS 1.2+ on SIP?", "Yes/No")), -1, -1);
		String unused = importTemplate("Draft to rename", sheet);
		String used = importTemplate("Used last year", sheet);
		String page = "/vendors/questionnaire-templates/";

		mvc.perform(post(page + unused + "/rename").with(LEAD).param("name", "Renamed without a token"))
			.andExpect(status().isForbidden());
		for (RequestPostProcessor notALead : List.of(AUDITOR, user("admin").roles("admin"))) {
			mvc.perform(post(page + unused + "/rename").with(notALead).with(csrf()).param("name", "Not theirs"))
				.andExpect(status().isForbidden());
			mvc.perform(post(page + unused + "/remove").with(notALead).with(csrf())).andExpect(status().isForbidden());
		}
		mvc.perform(post(page + unused + "/rename").with(LEAD).with(csrf()).param("name", "Used last year"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("error", "Another template is already named Used last year; choose a different name."));
		mvc.perform(post(page + unused + "/rename").with(LEAD).with(csrf()).param("name", "  Carrier intake 2027 "))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("message", "The template is now named Carrier intake 2027."));
		assertThat(questionnaires.template(java.util.UUID.fromString(unused)).getName())
			.isEqualTo("Carrier intake 2027");

		mvc.perform(post(page + unused + "/remove").with(LEAD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("message",
						org.hamcrest.Matchers.startsWith("The template Carrier intake 2027 was deleted")));
		assertThat(jdbc.queryForObject("select count(*) from questionnaire_template where id = ?", Integer.class,
				java.util.UUID.fromString(unused)))
			.isZero();

		Vendor bluefin = vendors.findByName("Bluefin Telecom").orElseThrow();
		questionnaires.send(bluefin.getId(), java.util.UUID.fromString(used), null, "Arjun Kapoor",
				"security@bluefin-telecom.example", "compliance-lead");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/vendors/questionnaire-templates/" + used)
			.with(LEAD)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("RETIRED"))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers
				.containsString("was retired, not deleted: questionnaires were sent from it")));
		assertThat(questionnaires.templatesToSend()).extracting(t -> t.getId().toString()).doesNotContain(used);
		String carrierPage = mvc.perform(get("/vendors/" + bluefin.getId()).with(LEAD))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String choices = carrierPage.substring(carrierPage.indexOf("id=\"questionnaire-template\""));
		assertThat(choices.substring(0, choices.indexOf("</select>"))).contains("<option")
			.doesNotContain("Used last year");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> questionnaires.send(bluefin.getId(), java.util.UUID.fromString(used), null,
					"Arjun Kapoor", "security@bluefin-telecom.example", "compliance-lead"))
			.hasMessageContaining("was retired on")
			.hasMessageContaining("can no longer be sent");

		String builtIn = questionnaires.defaultTemplate().getId().toString();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.patch("/api/vendors/questionnaire-templates/" + builtIn)
			.with(LEAD)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Mine now\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot be renamed")));

		for (String action : List.of("QUESTIONNAIRE_TEMPLATE_RENAMED", "QUESTIONNAIRE_TEMPLATE_DELETED")) {
			assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = ? and subject_id = ?",
					Integer.class, action, unused))
				.as(action)
				.isEqualTo(1);
		}
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'QUESTIONNAIRE_TEMPLATE_RETIRED' and subject_id = ?",
				Integer.class, used))
			.isEqualTo(1);
	}

	private String importTemplate(String name, byte[] sheet) throws Exception {
		String body = mvc
			.perform(multipart("/api/vendors/questionnaire-templates")
				.file(new MockMultipartFile("file", "template.xlsx", "application/octet-stream", sheet))
				.param("name", name)
				.with(LEAD)
				.with(csrf()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("id").asText();
	}

	@Test
	void aQuestionnaireAnsweredOfflineIsImportedWhileOpenAndRefusedWithAFormula() throws Exception {
		Vendor bluefin = vendors.findByName("Bluefin Telecom").orElseThrow();
		var questionnaire = questionnaires.send(bluefin.getId(), null, null, "Arjun Kapoor",
				"security@bluefin-telecom.example", "compliance-lead");
		String base = "/api/vendors/" + bluefin.getId() + "/questionnaires/" + questionnaire.getId();
		byte[] exported = mvc.perform(get(base + "/offline.xlsx").with(LEAD))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		byte[] withFormula = answer(exported, true);
		mvc.perform(multipart(base + "/offline")
			.file(new MockMultipartFile("file", "answered.xlsx", "application/octet-stream", withFormula))
			.with(LEAD)
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("holds a formula")));
		assertThat(questionnaires.get(questionnaire.getId()).answersByCode()).isEmpty();

		mvc.perform(multipart(base + "/offline")
			.file(new MockMultipartFile("file", "answered.xlsx", "application/octet-stream", answer(exported, false)))
			.param("submit", "true")
			.with(LEAD)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answers").value(org.hamcrest.Matchers.greaterThan(0)))
			.andExpect(jsonPath("$.submitted").value(true));
		assertThat(questionnaires.get(questionnaire.getId()).getSubmittedAt()).isNotNull();
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'QUESTIONNAIRE_ANSWERS_IMPORTED' and subject_id = ?",
				Integer.class, questionnaire.getId().toString()))
			.isEqualTo(1);

		mvc.perform(multipart(base + "/offline")
			.file(new MockMultipartFile("file", "answered.xlsx", "application/octet-stream", answer(exported, false)))
			.with(LEAD)
			.with(csrf())).andExpect(status().isConflict());
	}

	@Test
	void signedDocumentsAreUploadedAndDownloadedAsAttachmentsWithinTheLimit() throws Exception {
		Vendor northwind = vendors.findByName("Northwind Carrier Services").orElseThrow();
		String base = "/api/vendors/" + northwind.getId() + "/documents";
		byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		String body = mvc
			.perform(multipart(base).file(new MockMultipartFile("file", "baa.pdf", "application/pdf", pdf))
				.param("kind", "BAA")
				.param("title", "Business associate agreement")
				.param("validFrom", "2026-01-01")
				.param("validUntil", "2028-12-31")
				.with(LEAD)
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andExpect(jsonPath("$.sha256").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode created = json.readTree(body);
		// the file is streamed: its bytes arrive with the async dispatch
		org.springframework.test.web.servlet.MvcResult streamed = mvc
			.perform(get(created.get("download").asText()).with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andReturn();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(streamed))
			.andExpect(status().isOk())
			.andExpect(content().bytes(pdf));

		mvc.perform(multipart(base).file(new MockMultipartFile("file", "baa.pdf", "application/pdf", pdf))
			.param("kind", "BAA")
			.param("title", "By an auditor")
			.param("validFrom", "2026-01-01")
			.with(AUDITOR)
			.with(csrf())).andExpect(status().isForbidden());
		byte[] huge = new byte[16 * 1024 * 1024 + 1];
		mvc.perform(multipart(base).file(new MockMultipartFile("file", "huge.pdf", "application/pdf", huge))
			.param("kind", "DPA")
			.param("title", "Too large")
			.param("validFrom", "2026-01-01")
			.with(LEAD)
			.with(csrf())).andExpect(status().isPayloadTooLarge());
		mvc.perform(get(base + "/" + java.util.UUID.randomUUID() + "/file").with(LEAD))
			.andExpect(status().isNotFound());
		mvc.perform(get("/v3/api-docs").with(LEAD))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("/api/vendors/{id}/documents/{documentId}/file")));
		mvc.perform(get("/vendors/board").with(AUDITOR)).andExpect(status().isOk());
	}

	/** The exported sheet with answers written in (and a formula when asked). */
	static byte[] answer(byte[] exported, boolean formula) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String type = row.getCell(3).getStringCellValue();
				String choices = row.getCell(4).getStringCellValue();
				String value = switch (type) {
					case "Yes or no" -> "yes";
					case "One choice" -> choices.split("\\|")[0].strip();
					case "Text" -> "We rotate keys yearly.";
					default -> null;
				};
				if (value != null) {
					row.createCell(6).setCellValue(value);
				}
			}
			if (formula) {
				sheet.getRow(2).createCell(6).setCellFormula("\"Yes\"");
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * A workbook of text rows; {@code formulaRow}/{@code formulaColumn} (0-based) hold a
	 * formula.
	 */
	static byte[] workbook(List<List<String>> rows, int formulaRow, int formulaColumn) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("Questions");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (r == formulaRow && c == formulaColumn) {
						row.createCell(c).setCellFormula("1+1");
					}
					else {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

}
