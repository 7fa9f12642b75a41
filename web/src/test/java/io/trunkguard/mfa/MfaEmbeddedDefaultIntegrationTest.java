package io.trunkguard.mfa;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * MFA in the embedded default (local accounts, no identity provider): the page says
 * plainly that MFA cannot be evidenced, a read records that sentence (not a pretended
 * result) with the privileged people listed as not evidenced, and its report is CC6.1
 * evidence dated the day of the read that the auditor downloads and finds in the pack.
 */
@EmbeddedDefaultTest
class MfaEmbeddedDefaultIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MfaService mfa;

	@Autowired
	EvidenceService evidence;

	@Test
	void saysPlainlyThatMfaCannotBeEvidencedAndRecordsThatSentence() throws Exception {
		String before = mvc.perform(get("/mfa").with(user("lead-mfa").roles("compliance-lead")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(before).contains("MFA cannot be evidenced without an identity provider");

		mvc.perform(post("/mfa/read").with(csrf()).with(user("lead-mfa").roles("compliance-lead")));

		MfaRead read = mfa.latest().orElseThrow();
		assertThat(read.isIdentityProvider()).isFalse();
		assertThat(read.getRealmSentences()).containsExactly(MfaService.NO_IDENTITY_PROVIDER);
		assertThat(read.getExceptionCount()).isZero();
		assertThat(read.getRows()).as("the demo's privileged grant holders, none evidenced")
			.isNotEmpty()
			.allSatisfy(row -> assertThat(row.getStatus()).isEqualTo(MfaStatus.NOT_EVIDENCED));
		LocalDate day = LocalDate.ofInstant(read.getReadAt(), ZoneOffset.UTC);
		List<EvidenceItem> stored = evidence.about("MfaRead", read.getId().toString());
		assertThat(stored).hasSize(2).allSatisfy(item -> {
			assertThat(item.getControls()).containsExactly("CC6.1");
			assertThat(item.getEvidencedFrom()).isEqualTo(day);
		});

		String auditorPage = mvc.perform(get("/mfa").with(user("auditor-mfa").roles("auditor")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(auditorPage).contains("MFA cannot be evidenced without an identity provider", "Cannot be evidenced")
			.doesNotContain("NOT_EVIDENCED")
			.doesNotContain("id=\"read-now\"");
		MvcResult pdf = mvc
			.perform(get("/mfa/reads/" + read.getId() + "/report.pdf").with(user("auditor-mfa").roles("auditor")))
			.andExpect(request().asyncStarted())
			.andReturn();
		byte[] pdfBytes = mvc.perform(asyncDispatch(pdf)).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdfBytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(mvc.perform(get("/mfa").with(user("reviewer-mfa").roles("reviewer")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/mfa/read").with(csrf()).with(user("auditor-mfa").roles("auditor")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		assertThat(packEntries(day)).anyMatch(name -> name.endsWith("mfa-privileged-access-" + day + ".pdf"))
			.anyMatch(name -> name.endsWith("mfa-privileged-access-" + day + ".xlsx"));
	}

	@Test
	void refusesAnUnknownExceptionAndAGarbledId() throws Exception {
		assertThat(mvc
			.perform(post("/mfa/exceptions/" + java.util.UUID.randomUUID() + "/close").param("note", "x")
				.with(csrf())
				.with(user("lead-mfa").roles("compliance-lead")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc
			.perform(post("/mfa/exceptions/not-an-id/close").param("note", "x")
				.with(csrf())
				.with(user("lead-mfa").roles("compliance-lead")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

	private List<String> packEntries(LocalDate day) throws Exception {
		MvcResult started = mvc
			.perform(get("/api/evidence-packs?criteria=CC6.1&from=" + day + "&to=" + day)
				.with(user("auditor-mfa").roles("auditor")))
			.andExpect(request().asyncStarted())
			.andReturn();
		started.getAsyncResult(120_000);
		byte[] zip = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
