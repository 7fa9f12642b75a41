package io.trunkguard.evidencepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.testsupport.AuditTrailTampering;

/**
 * Issue 11's evidence pack on the embedded default (H2): a pack for a seeded year holds
 * every expected file, its manifest's hashes are the files' hashes, its OSCAL document is
 * valid against NIST's OSCAL 1.1.2 assessment-results schema, the verifier passes it; the
 * verifier names the file after one byte of it is changed, and the audit trail head after
 * an audit row is edited; a person named like a formula is inert in every workbook; the
 * API refuses bad input with a problem and audits the export.
 */
@EmbeddedDefaultTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePackIntegrationTest {

	static final int YEAR = 2023;

	static final String FROM = YEAR + "-01-01";

	static final String TO = YEAR + "-12-31";

	private static final RequestPostProcessor AUDITOR = user("auditor").roles("auditor");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	EvidenceService evidence;

	@Autowired
	EvidencePacks packs;

	@Autowired
	EvidencePackVerifier verifier;

	@Autowired
	AuditEntries audit;

	int storedFiles;

	PackSeed seed;

	@BeforeAll
	void seedAYear() {
		seed = new PackSeed(jdbc, evidence);
		storedFiles = seed.seed(YEAR, new PackSeed.Sizes(120, 12, 6, 5, 3));
	}

	private byte[] download(String query, RequestPostProcessor who) throws Exception {
		MvcResult started = mvc.perform(get("/api/evidence-packs" + query).with(who))
			.andExpect(request().asyncStarted())
			.andReturn();
		// the pack is written on another thread: wait for it beyond MockMvc's 10 s (the
		// shared machine is slow under load)
		started.getAsyncResult(120_000);
		return mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"evidence-pack_" + FROM + "_" + TO + ".zip\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void holdsEveryExpectedFileWithTheManifestsHashesAndValidOscalAndVerifies() throws Exception {
		byte[] zip = download("?criteria=CC6.1,CC6.7,CC7.2,CC9.2&from=" + FROM + "&to=" + TO, AUDITOR);
		Map<String, byte[]> entries = PackAssertions.entries(zip);

		assertThat(entries).containsKeys("index.pdf", "manifest.json", "audit-trail-head.json",
				"oscal/assessment-results.json", "workbooks/review-decisions.xlsx", "workbooks/deprovisioning-log.xlsx",
				"workbooks/carrier-register.xlsx", "workbooks/trace-findings.xlsx",
				"workbooks/questionnaire-answers.xlsx", "workbooks/sip-changes.xlsx",
				"workbooks/certificate-inventory.xlsx");
		assertThat(entries.keySet().stream().filter(p -> p.startsWith("evidence/")))
			.as("the stored PDFs evidencing the year")
			.hasSize(storedFiles)
			.anyMatch(p -> p.startsWith("evidence/capture/"))
			.anyMatch(p -> p.startsWith("evidence/vendor-review/"))
			.anyMatch(p -> p.startsWith("evidence/review-campaign/"));

		JsonNode manifest = PackAssertions.json(entries.get("manifest.json"));
		List<String> listed = new ArrayList<>();
		for (JsonNode file : manifest.path("files")) {
			String path = file.path("path").asText();
			listed.add(path);
			assertThat(entries).as(path).containsKey(path);
			assertThat(file.path("sha256").asText()).as(path).isEqualTo(PackAssertions.sha256(entries.get(path)));
			assertThat(file.path("size").asLong()).as(path).isEqualTo(entries.get(path).length);
			assertThat(file.path("controls")).as(path).isNotEmpty();
			assertThat(file.path("evidencedFrom").asText()).as(path).startsWith(String.valueOf(YEAR));
		}
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				entries.keySet().stream().filter(p -> !p.equals("index.pdf") && !p.equals("manifest.json")).toList());
		JsonNode head = PackAssertions.json(entries.get("audit-trail-head.json"));
		assertThat(manifest.path("auditTrailHead").path("hash").asText()).isEqualTo(head.path("hash").asText());
		AuditEntry headEntry = audit.findById(head.path("sequence").asLong()).orElseThrow();
		assertThat(headEntry.getHash()).isEqualTo(head.path("hash").asText());

		byte[] oscal = entries.get("oscal/assessment-results.json");
		assertThat(PackAssertions.oscalErrors(oscal)).as("OSCAL 1.1.2 assessment-results schema errors").isEmpty();
		JsonNode results = PackAssertions.json(oscal).path("assessment-results");
		assertThat(results.path("results")).hasSize(4);
		assertThat(results.path("results")
			.get(0)
			.path("findings")
			.get(0)
			.path("target")
			.path("status")
			.path("state")
			.asText()).isIn("satisfied", "not-satisfied");
		JsonNode resources = results.path("back-matter").path("resources");
		String reviewSha = PackAssertions.sha256(entries.get("workbooks/review-decisions.xlsx"));
		assertThat(resources.findValues("rlinks").stream().map(r -> r.get(0)))
			.anyMatch(r -> r.path("href").asText().equals("workbooks/review-decisions.xlsx")
					&& r.path("hashes").get(0).path("value").asText().equals(reviewSha)
					&& r.path("hashes").get(0).path("algorithm").asText().equals("SHA-256"));

		PackVerification verdict = verifier.verify(new ByteArrayInputStream(zip));
		assertThat(verdict.ok()).as(verdict.sentence()).isTrue();
		assertThat(verdict.sentence()).startsWith("The pack matches: its " + listed.size() + " files match");
		assertThat(verdict.sha256()).isEqualTo(PackAssertions.sha256(zip));

		AuditEntry exported = audit
			.search("auditor", EvidencePacks.EXPORTED, "EvidencePack", null, null, null, PageRequest.of(0, 1))
			.getContent()
			.get(0);
		assertThat(exported.getDetails()).contains(PackAssertions.sha256(zip))
			.contains("\"from\":\"" + FROM + "\"")
			.contains("CC6.1,CC6.7,CC7.2,CC9.2");
		assertThat(exported.getSequence()).isGreaterThan(headEntry.getSequence());
		assertThat(verdict.sentence())
			.endsWith("its export is recorded in audit trail entry " + exported.getSequence() + ".");
	}

	@Test
	void namesTheFileWhoseByteWasChanged() throws Exception {
		byte[] zip = download("?from=" + FROM + "&to=" + TO, AUDITOR);
		String path = "workbooks/deprovisioning-log.xlsx";

		PackVerification verdict = verifier.verify(new ByteArrayInputStream(
				PackAssertions.withOneByteChanged(zip, path, PackAssertions.entries(zip).get(path).length / 2)));

		assertThat(verdict.ok()).isFalse();
		assertThat(verdict.sentence()).startsWith("The file " + path + " does not match the manifest: its SHA-256 is ");
	}

	@Test
	void namesTheManifestWhenItNoLongerMatchesTheIndex() throws Exception {
		byte[] zip = download("?criteria=CC9.2&from=" + FROM + "&to=" + TO, AUDITOR);
		Map<String, byte[]> entries = PackAssertions.entries(zip);
		// a manifest whose listed files still match, but which is not the one the index
		// recorded
		byte[] changedManifest = (new String(entries.get("manifest.json"), StandardCharsets.UTF_8) + " ")
			.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var copy = new java.util.zip.ZipOutputStream(out)) {
			for (var e : entries.entrySet()) {
				copy.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
				copy.write(e.getKey().equals("manifest.json") ? changedManifest : e.getValue());
				copy.closeEntry();
			}
		}

		PackVerification verdict = verifier.verify(new ByteArrayInputStream(out.toByteArray()));

		assertThat(verdict.ok()).isFalse();
		assertThat(verdict.sentence()).startsWith("The manifest does not match the index: the index records manifest");
	}

	@Test
	void failsOnTheHeadAfterAnAuditRowIsEditedInTheDatabase() throws Exception {
		byte[] zip = download("?criteria=CC6.1&from=" + FROM + "&to=" + TO, AUDITOR);
		long head = PackAssertions.json(PackAssertions.entries(zip).get("audit-trail-head.json"))
			.path("sequence")
			.asLong();
		AuditTrailTampering tampering = new AuditTrailTampering(dataSource);
		long edited = head - 1;
		String actor = jdbc.queryForObject("select actor from audit_entry where sequence = ?", String.class, edited);
		PackVerification verdict;
		try {
			tampering.changeColumn(edited, "actor", "mallory");
			verdict = verifier.verify(new ByteArrayInputStream(zip));
		}
		finally {
			tampering.changeColumn(edited, "actor", actor);
		}

		assertThat(verdict.ok()).isFalse();
		assertThat(verdict.sentence()).startsWith("The audit trail head does not match: the live chain up to entry "
				+ head + " is broken at entry " + edited + ": entry " + edited + " was changed");
		assertThat(verifier.verify(new ByteArrayInputStream(zip)).ok()).as("restored").isTrue();
	}

	@Test
	void keepsAPersonNamedLikeAFormulaInertInEveryWorkbook() throws Exception {
		byte[] zip = download("?from=" + FROM + "&to=" + TO, AUDITOR);
		Map<String, byte[]> entries = PackAssertions.entries(zip);
		List<String> workbooks = entries.keySet().stream().filter(p -> p.endsWith(".xlsx")).toList();
		assertThat(workbooks).hasSize(7);
		for (String workbook : workbooks) {
			assertThat(PackAssertions.inertCellsHolding(entries.get(workbook), PackSeed.FORMULA))
				.as("cells holding the formula-like name in %s", workbook)
				.isPositive();
		}
	}

	@Test
	void listsTheSipChangesOfThePeriodAndTheCertificateInventoryInTheirOwnSections() throws Exception {
		byte[] zip = download("?criteria=CC6.7&from=" + FROM + "&to=" + TO, AUDITOR);
		Map<String, byte[]> entries = PackAssertions.entries(zip);

		List<List<String>> changes = PackAssertions.rows(entries.get("workbooks/sip-changes.xlsx"), "Changes");
		assertThat(changes.get(0)).startsWith("Applied on", "Infrastructure", "System", "Carrier", "Summary",
				"Requested by", "Approved by", "Approved at", "Status", "Touches encryption", "Configuration excerpts",
				"Secrets redacted");
		List<List<String>> seeded = changes.stream().filter(r -> r.get(4).endsWith(seed.tag())).toList();
		assertThat(seeded).as("the three changes applied in " + YEAR + ", not the one of the year after")
			.extracting(r -> r.get(0))
			.containsExactly(YEAR + "-03-10", YEAR + "-07-01", YEAR + "-12-30");
		assertThat(seeded.get(0)).containsSequence("Session border controller")
			.contains(PackSeed.FORMULA, "compliance-lead", "Approved", "Yes")
			.endsWith("1", "2");
		assertThat(seeded.get(2)).contains("PBX", "Awaiting approval").endsWith("0", "0");

		List<List<String>> certificates = PackAssertions.rows(entries.get("workbooks/certificate-inventory.xlsx"),
				"Certificates");
		assertThat(certificates).filteredOn(r -> r.get(0).equals("CN=" + PackSeed.FORMULA))
			.singleElement()
			.satisfies(r -> assertThat(r).contains("Expired, renewed", "Added by hand"));
		assertThat(certificates).filteredOn(r -> r.get(0).equals("CN=sip-" + seed.tag() + ".carrier.example"))
			.singleElement()
			.satisfies(r -> assertThat(r).contains("Valid"));

		String index = PackAssertions.pdfText(entries.get("index.pdf"));
		assertThat(index).contains("SIP configuration changes applied in the period (CC6.7)")
			.contains("Certificate inventory at " + TO + " (CC6.7)")
			.contains("Pack change 1 " + seed.tag())
			.contains("2 in 1 excerpt(s)")
			.doesNotContain("Pack change 3 " + seed.tag());
		assertThat(verifier.verify(new ByteArrayInputStream(zip)).ok()).isTrue();
	}

	@Test
	void refusesBadDatesCriteriaAndReversedPeriodsWithAProblem() throws Exception {
		mvc.perform(get("/api/evidence-packs?from=2023-13-01&to=" + TO).with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("'from' must be an ISO date such as 2026-01-31, not '2023-13-01'"));
		mvc.perform(get("/api/evidence-packs?criteria=CC6.1,CC1.1&from=" + FROM + "&to=" + TO).with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("'CC1.1' is not a criterion in scope: choose from CC6.1, CC6.7, CC7.2, CC9.2"));
		mvc.perform(get("/api/evidence-packs?from=" + TO + "&to=" + FROM).with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value("the period must not end (" + FROM + ") before it starts (" + TO + ")"));
		mvc.perform(get("/api/evidence-packs?from=" + FROM + "&to=" + TO).with(user("reviewer").roles("reviewer")))
			.andExpect(status().isForbidden());
	}

	@Test
	void downloadsFromThePageAndShowsTheFormAgainOnBadInput() throws Exception {
		String page = mvc.perform(get("/evidence-packs").with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"pack-form\"").contains("type=\"date\"").contains("id=\"criterion-CC9.2\"");

		MvcResult started = mvc
			.perform(get("/evidence-packs/download?criteria=CC6.1&criteria=CC9.2&from=" + FROM + "&to=" + TO)
				.with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(request().asyncStarted())
			.andReturn();
		started.getAsyncResult(120_000);
		byte[] zip = mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(PackAssertions.json(PackAssertions.entries(zip).get("manifest.json")).path("criteria").toString())
			.isEqualTo("[\"CC6.1\",\"CC9.2\"]");

		String refused = mvc
			.perform(get("/evidence-packs/download?criteria=CC6.1&from=2023-02-30&to=" + TO).with(AUDITOR))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("No pack was made: &#39;from&#39; must be an ISO date such as 2026-01-31");
	}

	@Test
	void verifiesAnUploadedPackOnThePageForAnAuditor() throws Exception {
		byte[] zip = download("?criteria=CC7.2&from=" + FROM + "&to=" + TO, AUDITOR);

		String page = mvc
			.perform(multipart("/evidence-packs/verify")
				.file(new MockMultipartFile("pack", "pack.zip", "application/zip", zip))
				.with(csrf())
				.with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"verify-verdict\"").contains(">matches<").contains("The pack matches: its ");

		mvc.perform(multipart("/evidence-packs/verify")
			.file(new MockMultipartFile("pack", "pack.zip", "application/zip", zip))
			.with(AUDITOR)).andExpect(status().isForbidden());
	}

	@Test
	void theCommandExitsZeroForAMatchingPackAndOneForAChangedOne(@TempDir Path dir) throws Exception {
		byte[] zip = download("?criteria=CC9.2&from=" + FROM + "&to=" + TO, AUDITOR);
		Path good = Files.write(dir.resolve("good.zip"), zip);
		Path bad = Files.write(dir.resolve("bad.zip"), PackAssertions.withOneByteChanged(zip, "index.pdf", 20));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int ok = new io.trunkguard.evidencepack.cli.PackVerifyCommandAccess(verifier, good.toString(),
				new PrintStream(out, true, StandardCharsets.UTF_8))
			.verifyAndReport();
		int broken = new io.trunkguard.evidencepack.cli.PackVerifyCommandAccess(verifier, bad.toString(),
				new PrintStream(out, true, StandardCharsets.UTF_8))
			.verifyAndReport();
		int missing = new io.trunkguard.evidencepack.cli.PackVerifyCommandAccess(verifier,
				dir.resolve("none.zip").toString(), new PrintStream(out, true, StandardCharsets.UTF_8))
			.verifyAndReport();

		assertThat(List.of(ok, broken, missing)).containsExactly(0, 1, 1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Evidence pack verified: The pack matches")
			.contains("Evidence pack does NOT match: The pack as a whole is not one Trunkguard exported")
			.contains("is not a readable file.");
	}

}
