package io.trunkguard.deprovisioning.web;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.deprovisioning.CaseStatus;
import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningCaseId;
import io.trunkguard.deprovisioning.DeprovisioningLogArchive;
import io.trunkguard.deprovisioning.DeprovisioningLogFile;
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.DeprovisioningTask;
import io.trunkguard.deprovisioning.DeprovisioningTasks;
import io.trunkguard.deprovisioning.RemovalProof;
import io.trunkguard.deprovisioning.Step;
import io.trunkguard.deprovisioning.StepKind;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.evidence.Sha256;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The embedded default end to end (no Keycloak configured, local accounts, demo data; the
 * test runs the engine's jobs itself): a leaver with a local sign-in loses it, their
 * grants on a Keycloak-connector system and on a manual system go to the system owner
 * ("reviewer" in the demo data), who confirms each on the task pages; the compliance lead
 * sees the SLA clock, the case with every step, and stores the log as evidence; the
 * auditor reads and downloads only.
 */
@EmbeddedDefaultTest
class DeprovisioningPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	DeprovisioningTasks tasks;

	@Autowired
	DeprovisioningLogArchive archive;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	String run = UUID.randomUUID().toString().substring(0, 8);

	/**
	 * The shared context's other tests expect the four local accounts of the embedded
	 * default only.
	 */
	@AfterEach
	void removeTheLeaversLocalAccount() {
		jdbc.update("delete from local_account where username = ?", "leaver-" + run);
	}

	@Test
	void runsACaseWithoutIdentityProviderFromTheHrEventToEveryAccessRemovedOnThePages() throws Exception {
		Person owner = people.findByHrId("HR-1002").orElseThrow(); // "reviewer" in the
																	// demo data
		String username = "leaver-" + run;
		jdbc.update(
				"insert into local_account (username, role, password_hash, created_at, password_changed_at) "
						+ "values (?, 'reviewer', ?, current_timestamp, current_timestamp)",
				username, encoder.encode("leaver-pw-1"));
		mvc.perform(formLogin("/login").user(username).password("leaver-pw-1")).andExpect(authenticated());
		Person leaver = people.register(new PersonDetails("HR-L-" + run, "Lea Leaver", username + "@example.test",
				username, null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2022, 1, 3), null), "tester");
		AccessSystem keycloak = access.registerSystem(new SystemDetails("Keycloak " + run, SystemKind.IDENTITY_PROVIDER,
				null, owner.getId(), true, ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessSystem sbc = access.registerSystem(new SystemDetails("SBC " + run, SystemKind.SBC, null, owner.getId(),
				true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessGrant role = access.issueGrant(new NewGrant(leaver.getId(), keycloak.getId(), "reviewer", false),
				"tester");
		AccessGrant admin = access.issueGrant(new NewGrant(leaver.getId(), sbc.getId(), "sbc-admin", true), "tester");

		DeprovisioningCaseId id = deprovisioning
			.receiveTermination(new TerminationNotice("evt-" + run, leaver.getHrId(),
					Instant.now().minus(2, ChronoUnit.HOURS), TerminationSource.HR_WEBHOOK, "client:hr-webhook"))
			.caseId();
		runJobsOf(id);

		// the local sign-in is gone, and no incident: both grants wait for the owner
		mvc.perform(formLogin("/login").user(username).password("leaver-pw-1")).andExpect(unauthenticated());
		assertThat(runtime.createIncidentQuery().processInstanceId(instanceOf(id)).count()).isZero();
		List<DeprovisioningTask> ownersTasks = tasks.tasksOf("reviewer", Set.of("reviewer"))
			.stream()
			.filter(t -> t.caseId().equals(id))
			.toList();
		assertThat(ownersTasks).hasSize(2)
			.allSatisfy(t -> assertThat(t.kind()).isEqualTo(DeprovisioningTask.Kind.REMOVE_MANUALLY));

		// the lead's list: the open case with its SLA clock, and the notice that no
		// identity provider is configured; the event arrived two hours after it took
		// effect, so its 24 h SLA runs from the receipt
		mvc.perform(get("/deprovisioning").with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(leaver.getHrId())))
			.andExpect(content().string(containsString("id=\"no-identity-provider\"")))
			.andExpect(content().string(containsString("23 h 5")))
			.andExpect(content().string(containsString("<svg")));

		// the owner's task list and form; someone else gets 403, an empty note a clear
		// error
		mvc.perform(get("/deprovisioning/tasks").with(user("reviewer").roles("reviewer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Remove the role reviewer of Lea Leaver on Keycloak " + run)))
			.andExpect(content().string(containsString("Lea Leaver (HR-L-" + run + ")")));
		// the owner reads the case their task belongs to; another reviewer does not
		mvc.perform(get("/deprovisioning/" + id).with(user("reviewer").roles("reviewer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Deprovisioning of Lea Leaver (HR-L-" + run + ")")));
		mvc.perform(get("/deprovisioning/" + id).with(user("someone-else").roles("reviewer")))
			.andExpect(status().isForbidden());
		DeprovisioningTask onKeycloak = ownersTasks.stream()
			.filter(t -> t.grantId().equals(role.getId()))
			.findFirst()
			.orElseThrow();
		mvc.perform(get("/deprovisioning/tasks/" + onKeycloak.id()).with(user("reviewer").roles("reviewer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"task-form\"")))
			.andExpect(content().string(containsString("Remove the role reviewer of Lea Leaver on Keycloak " + run)))
			.andExpect(content().string(containsString("id=\"task-entitlement\">reviewer<")));
		mvc.perform(
				get("/deprovisioning/tasks/" + onKeycloak.id()).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/deprovisioning/tasks/" + onKeycloak.id()).param("note", "done")
			.with(csrf())
			.with(user("someone-else").roles("reviewer"))).andExpect(status().isForbidden());
		mvc.perform(post("/deprovisioning/tasks/" + onKeycloak.id()).param("note", "   ")
			.with(csrf())
			.with(user("reviewer").roles("reviewer")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"note-error\"")));
		mvc.perform(post("/deprovisioning/tasks/" + onKeycloak.id()).param("note", "x".repeat(1001))
			.with(csrf())
			.with(user("reviewer").roles("reviewer")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("At most 1000 characters")));
		mvc.perform(post("/deprovisioning/tasks/" + onKeycloak.id()).param("note", "done")
			.with(user("reviewer").roles("reviewer"))).andExpect(status().isForbidden()); // no
																							// CSRF
																							// token
		assertThat(access.getGrant(role.getId()).getStatus()).isEqualTo(GrantStatus.ACTIVE);

		// a file that is not a proof is refused with the note kept and nothing stored;
		// a PNG is kept as proof, like a review remediation's
		mvc.perform(multipart("/deprovisioning/tasks/" + onKeycloak.id())
			.file(new MockMultipartFile("attachment", "tool.exe", "application/x-msdownload", new byte[] { 'M', 'Z' }))
			.param("note", "removed in the console, ticket OPS-" + run)
			.with(csrf())
			.with(user("reviewer").roles("reviewer")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("are not accepted as proof")))
			.andExpect(content().string(containsString("removed in the console, ticket OPS-" + run)));
		assertThat(tasks.proofsOf(id)).isEmpty();
		for (DeprovisioningTask task : ownersTasks) {
			var request = multipart("/deprovisioning/tasks/" + task.id());
			if (task == onKeycloak) {
				request.file(new MockMultipartFile("attachment", "C:\\Users\\olga\\console.png", "image/png", PNG));
			}
			mvc.perform(request.param("note", "removed by hand, ticket OPS-" + run)
				.with(csrf())
				.with(user("reviewer").roles("reviewer"))).andExpect(status().is3xxRedirection());
		}
		runJobsOf(id);
		List<RemovalProof> proofs = tasks.proofsOf(id);
		assertThat(proofs).singleElement().satisfies(proof -> {
			assertThat(proof.getFileName()).isEqualTo("console.png");
			assertThat(proof.getGrantId()).isEqualTo(role.getId());
			assertThat(proof.getUploadedBy()).isEqualTo("reviewer");
			assertThat(proof.getSha256()).isEqualTo(Sha256.hex(PNG));
		});
		RemovalProof proof = proofs.get(0);
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'DEPROVISIONING_REMOVAL_PROOF_ATTACHED' "
						+ "and subject_id = ? and details like ?",
				Integer.class, id.toString(), "%" + proof.getSha256() + "%"))
			.isOne();
		// downloadable by the lead, the auditor and the one who attached it; not by
		// others
		for (var who : List.of(user("compliance-lead").roles("compliance-lead"), user("auditor").roles("auditor"),
				user("reviewer").roles("reviewer"))) {
			// streamed from the file store: the body follows asynchronously
			var streamed = mvc.perform(get("/deprovisioning/tasks/proofs/" + proof.getId()).with(who))
				.andExpect(request().asyncStarted())
				.andReturn();
			mvc.perform(asyncDispatch(streamed))
				.andExpect(status().isOk())
				.andExpect(header().string("X-Content-SHA256", proof.getSha256()))
				.andExpect(content().bytes(PNG));
		}
		mvc.perform(get("/deprovisioning/tasks/proofs/" + proof.getId()).with(user("someone-else").roles("reviewer")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/deprovisioning/tasks/proofs/" + UUID.randomUUID()).with(user("auditor").roles("auditor")))
			.andExpect(status().isNotFound());

		DeprovisioningCase done = deprovisioning.get(id);
		assertThat(done.getStatus()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(done.getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.ACCOUNT_DISABLED, StepKind.GRANT_REVOKED, StepKind.GRANT_REVOKED,
					StepKind.VERIFIED);
		assertThat(done.getSteps().get(0).getDoneBy()).isEqualTo(DeprovisioningCase.LOCAL_SIGN_IN_ACTOR);
		assertThat(access.getGrant(admin.getId()).getRevokedBy()).isEqualTo("reviewer");

		// the case page: every step, who removed what, the note, the SLA and the total
		// time
		mvc.perform(get("/deprovisioning/" + id).with(user("auditor").roles("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("local Trunkguard sign-in " + username + " disabled")))
			.andExpect(content().string(containsString("removed by hand, ticket OPS-" + run)))
			.andExpect(content().string(containsString("id=\"case-time\">2 h")))
			.andExpect(content().string(containsString("id=\"case-sla\">met")))
			.andExpect(content().string(containsString("id=\"no-identity-provider\"")))
			.andExpect(content().string(containsString("id=\"removal-proofs\"")))
			.andExpect(content().string(containsString("/deprovisioning/tasks/proofs/" + proof.getId())))
			.andExpect(content().string(containsString(proof.getSha256())));

		// the log: generated for the auditor, stored as evidence by the lead, never by
		// the auditor
		MockHttpServletResponse xlsx = mvc
			.perform(get("/deprovisioning/log.xlsx").with(user("auditor").roles("auditor")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			List<String> caseRows = column(workbook.getSheet("Cases"), 1);
			assertThat(caseRows).contains(leaver.getHrId());
			assertThat(column(workbook.getSheet("Access removed"), 1).stream().filter(leaver.getHrId()::equals))
				.hasSize(4);
			// the proof's file name and SHA-256 are in the removal's note
			assertThat(column(workbook.getSheet("Access removed"), 14))
				.anySatisfy(note -> assertThat(note).contains("console.png").contains(proof.getSha256()));
		}
		mvc.perform(post("/deprovisioning/evidence").with(csrf()).with(user("auditor").roles("auditor")))
			.andExpect(status().isForbidden());
		int before = archive.recent().size();
		mvc.perform(
				post("/deprovisioning/evidence").with(csrf()).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().is3xxRedirection());
		List<DeprovisioningLogFile> stored = archive.recent();
		assertThat(stored).hasSize(before + 2);
		DeprovisioningLogFile pdf = stored.stream()
			.filter(f -> f.getFormat() == DeprovisioningLogFile.Format.PDF)
			.findFirst()
			.orElseThrow();
		assertThat(pdf.getCriterion()).isEqualTo("CC6.1");
		assertThat(pdf.getEvidenceDate()).isBeforeOrEqualTo(Instant.now());
		mvc.perform(get("/deprovisioning/evidence/" + pdf.getId()).with(user("auditor").roles("auditor")))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-SHA256", pdf.getSha256()))
			.andExpect(header().string("Content-Type", "application/pdf"));
	}

	@Test
	void refusesABadPeriodWithAClearMessage() throws Exception {
		mvc.perform(get("/deprovisioning/log.pdf").param("from", "2026-13-01")
			.param("to", "2026-12-31")
			.with(user("auditor").roles("auditor")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not a day (yyyy-mm-dd)")));
		mvc.perform(get("/deprovisioning/log.xlsx").param("from", "2026-12-31")
			.param("to", "2026-01-01")
			.with(user("auditor").roles("auditor")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("before it starts")));
		mvc.perform(get("/deprovisioning").param("from", "yesterday")
			.with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a day")));
	}

	@Test
	void anUnknownTaskIsNotFoundAndTheTaskListIsForEveryoneButTheAuditorsWrites() throws Exception {
		mvc.perform(get("/deprovisioning/tasks/no-such-task").with(user("reviewer").roles("reviewer")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/deprovisioning/tasks/no-such-task").param("note", "x")
			.with(csrf())
			.with(user("auditor").roles("auditor"))).andExpect(status().isForbidden());
		mvc.perform(get("/deprovisioning").with(user("reviewer").roles("reviewer"))).andExpect(status().isForbidden());
		mvc.perform(get("/deprovisioning/tasks").with(user("auditor").roles("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-kind=\"REMOVE_MANUALLY\""))));
	}

	static List<String> column(Sheet sheet, int column) {
		List<String> values = new ArrayList<>();
		for (Row row : sheet) {
			if (row.getRowNum() > 0) {
				values.add(row.getCell(column).getStringCellValue());
			}
		}
		return values;
	}

	String instanceOf(DeprovisioningCaseId id) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).singleResult().getId();
	}

	/**
	 * The engine's job executor is off in this context: run the case's due jobs as it
	 * would.
	 */
	void runJobsOf(DeprovisioningCaseId id) throws InterruptedException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count() == 0
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count())
			.as("the process of " + id)
			.isOne();
		String instance = instanceOf(id);
		List<Job> jobs;
		while (!(jobs = management.createJobQuery().processInstanceId(instance).messages().executable().list())
			.isEmpty()) {
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
	}

}
