package io.trunkguard.deprovisioning.workflow;

import io.trunkguard.WorkflowsTestApplication;
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
import io.trunkguard.deprovisioning.DeprovisioningService;
import io.trunkguard.deprovisioning.DeprovisioningTask;
import io.trunkguard.deprovisioning.DeprovisioningTaskDeniedException;
import io.trunkguard.deprovisioning.DeprovisioningTasks;
import io.trunkguard.deprovisioning.Step;
import io.trunkguard.deprovisioning.StepKind;
import io.trunkguard.deprovisioning.TerminationNotice;
import io.trunkguard.deprovisioning.TerminationSource;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.workflow.BpmnModels;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.trunkguard.deprovisioning.workflow.DeprovisioningProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default: no identity provider is configured. The real engine runs the
 * process with the real domain on H2; the leaver's local sign-in
 * ({@link StandInLocalSignIn}, for the web module's local accounts) is disabled instead
 * of a Keycloak account, grants on Keycloak-connector systems go to their owner's manual
 * task instead of failing, the owner confirms with a note through
 * {@link DeprovisioningTasks}, and the case completes without any incident.
 */
@SpringBootTest(classes = WorkflowsTestApplication.class)
class DeprovisioningWithoutIdentityProviderWorkflowIntegrationTest {

	@Autowired
	StandInLocalSignIn localSignIns;

	@Autowired
	DeprovisioningService deprovisioning;

	@Autowired
	DeprovisioningTasks tasks;

	@Autowired
	PersonService people;

	@Autowired
	AccessService access;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	String run = UUID.randomUUID().toString().substring(0, 8);

	Person person(String name) {
		String hrId = "T-" + name + "-" + run;
		return people.register(new PersonDetails(hrId, name, hrId.toLowerCase() + "@example.test", hrId.toLowerCase(),
				null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2022, 3, 1), null), "tester");
	}

	@Autowired
	ApplicationContext context;

	@Test
	void everyDelegateExpressionResolvesToABean() {
		Set<String> delegates = BpmnModels.delegateBeans(BpmnModels.read(RESOURCE));

		assertThat(delegates).hasSize(8);
		assertThat(delegates)
			.allSatisfy(name -> assertThat(context.getBean(name)).as(name).isInstanceOf(JavaDelegate.class));
	}

	@Test
	void disablesTheLocalSignInAndSendsKeycloakGrantsToTheOwnerInsteadOfFailing() {
		Person owner = person("owner");
		Person leaver = person("leaver");
		localSignIns.accounts.add(leaver.getUsername());
		AccessSystem idp = access.registerSystem(new SystemDetails("Keycloak " + run, SystemKind.IDENTITY_PROVIDER,
				null, owner.getId(), true, ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessSystem portal = access.registerSystem(new SystemDetails("Portal " + run, SystemKind.CARRIER_PORTAL, null,
				owner.getId(), true, ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER), "tester");
		AccessGrant role = access.issueGrant(new NewGrant(leaver.getId(), idp.getId(), "reviewer", false), "tester");
		AccessGrant login = access.issueGrant(new NewGrant(leaver.getId(), portal.getId(), "admin", true), "tester");

		ProcessInstance instance = startAndRunJobs(leaver);

		assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(localSignIns.disabled).contains(leaver.getUsername());
		List<DeprovisioningTask> ownersTasks = tasks.tasksOf(owner.getUsername(), Set.of("reviewer"));
		assertThat(ownersTasks).extracting(DeprovisioningTask::kind)
			.containsOnly(DeprovisioningTask.Kind.REMOVE_MANUALLY);
		assertThat(ownersTasks).extracting(DeprovisioningTask::grantId)
			.containsExactlyInAnyOrder(role.getId(), login.getId());
		DeprovisioningTask onKeycloak = ownersTasks.stream()
			.filter(t -> t.grantId().equals(role.getId()))
			.findFirst()
			.orElseThrow();
		assertThat(onKeycloak.systemName()).isEqualTo(idp.getName());

		// someone else, an empty note: refused, nothing changes
		assertThatThrownBy(() -> tasks.complete(onKeycloak.id(), "someone-else", Set.of("reviewer"), "done"))
			.isInstanceOf(DeprovisioningTaskDeniedException.class);
		assertThatThrownBy(() -> tasks.complete(onKeycloak.id(), owner.getUsername(), Set.of("reviewer"), "  "))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("note");
		assertThat(access.getGrant(role.getId()).getStatus()).isEqualTo(GrantStatus.ACTIVE);

		for (DeprovisioningTask task : ownersTasks) {
			tasks.complete(task.id(), owner.getUsername(), Set.of("reviewer"),
					"removed by hand in " + task.systemName());
		}
		runJobs(instance);

		DeprovisioningCase done = deprovisioning.casesOf(leaver.getId()).get(0);
		assertThat(done.getStatus()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(done.ranWithoutIdentityProvider()).isTrue();
		Step account = done.getSteps().get(0);
		assertThat(account.getKind()).isEqualTo(StepKind.ACCOUNT_DISABLED);
		assertThat(account.getDoneBy()).isEqualTo(DeprovisioningCase.LOCAL_SIGN_IN_ACTOR);
		assertThat(account.getNote()).contains("local Trunkguard sign-in")
			.contains("no identity provider is configured");
		Step revoked = done.revocationOf(role.getId()).orElseThrow();
		assertThat(revoked.getDoneBy()).isEqualTo(owner.getUsername());
		assertThat(revoked.getNote()).isEqualTo("removed by hand in " + idp.getName());
		assertThat(access.getGrant(role.getId()).getRevokedBy()).isEqualTo(owner.getUsername());
		assertThat(access.getGrant(login.getId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
	}

	@Test
	void recordsThatThereWasNoIdentityProviderAccountWhenTheLeaverHasNoLocalSignIn() {
		Person leaver = person("nosignin");

		ProcessInstance instance = startAndRunJobs(leaver);

		assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
		DeprovisioningCase done = deprovisioning.casesOf(leaver.getId()).get(0);
		assertThat(done.getStatus()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(done.getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.NO_IDENTITY_PROVIDER, StepKind.VERIFIED);
		assertThat(done.getSteps().get(0).getNote()).startsWith("no identity-provider account configured: "
				+ leaver.getUsername() + " has no local Trunkguard sign-in");
	}

	@Test
	void aComplianceLeadInvestigatesAccessLeftAndTheCaseClosesOnlyWhenNothingIsLeft() {
		Person owner = person("owner2");
		Person leaver = person("back");
		localSignIns.accounts.add(leaver.getUsername());
		ProcessInstance instance = start(leaver);
		runOneRoundOfJobs(instance); // the account step: the local sign-in is disabled
		assertThat(localSignIns.disabled).contains(leaver.getUsername());
		// someone enables it again behind the app's back: verification finds it
		localSignIns.disabled.remove(leaver.getUsername());
		runJobs(instance);

		DeprovisioningTask investigate = investigationOf(instance);
		assertThat(investigate.kind()).isEqualTo(DeprovisioningTask.Kind.INVESTIGATE);
		assertThat(investigate.verification()).contains("account still enabled");
		assertThat(tasks.tasksOf(owner.getUsername(), Set.of("reviewer")))
			.noneMatch(t -> t.id().equals(investigate.id()));
		assertThatThrownBy(() -> tasks.complete(investigate.id(), owner.getUsername(), Set.of("reviewer"), "looked"))
			.isInstanceOf(DeprovisioningTaskDeniedException.class);

		// completing without fixing it: verified again, still open, a new investigation
		tasks.complete(investigate.id(), "lead-" + run, Set.of("compliance-lead"), "asked IT to look at it");
		runJobs(instance);
		DeprovisioningTask again = investigationOf(instance);
		assertThat(again.id()).isNotEqualTo(investigate.id());
		assertThat(deprovisioning.casesOf(leaver.getId()).get(0).isOpen()).isTrue();

		localSignIns.disabled.add(leaver.getUsername());
		tasks.complete(again.id(), "lead-" + run, Set.of("compliance-lead"), "disabled the local sign-in again");
		runJobs(instance);

		DeprovisioningCase done = deprovisioning.casesOf(leaver.getId()).get(0);
		assertThat(done.getStatus()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(done.getSteps()).extracting(Step::getKind)
			.containsExactly(StepKind.ACCOUNT_DISABLED, StepKind.VERIFICATION_FAILED, StepKind.INVESTIGATED,
					StepKind.VERIFICATION_FAILED, StepKind.INVESTIGATED, StepKind.VERIFIED);
		assertThat(done.getSteps()).filteredOn(s -> s.getKind() == StepKind.INVESTIGATED)
			.extracting(Step::getDoneBy)
			.containsOnly("lead-" + run);
		assertThat(done.getSteps().get(4).getNote()).isEqualTo("disabled the local sign-in again");
	}

	DeprovisioningTask investigationOf(ProcessInstance instance) {
		return tasks.tasksOf("lead-" + run, Set.of("compliance-lead"))
			.stream()
			.filter(t -> t.caseId().toString().equals(instance.getBusinessKey()))
			.findFirst()
			.orElseThrow();
	}

	ProcessInstance startAndRunJobs(Person leaver) {
		ProcessInstance instance = start(leaver);
		runJobs(instance);
		return instance;
	}

	ProcessInstance start(Person leaver) {
		DeprovisioningCaseId id = deprovisioning
			.receiveTermination(new TerminationNotice("evt-" + leaver.getHrId(), leaver.getHrId(),
					Instant.now().minus(5, ChronoUnit.MINUTES), TerminationSource.HR_WEBHOOK, "client:hr-webhook"))
			.caseId();
		// the process starts in the transaction that opens the case: it is there as soon
		// as the receipt returns
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(id.toString())
			.singleResult();
		assertThat(instance).as("the process of case " + id).isNotNull();
		return instance;
	}

	void runOneRoundOfJobs(ProcessInstance instance) {
		management.createJobQuery()
			.processInstanceId(instance.getId())
			.messages()
			.executable()
			.list()
			.forEach(job -> management.executeJob(job.getId()));
	}

	void runJobs(ProcessInstance instance) {
		List<Job> jobs;
		while (!(jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list())
			.isEmpty()) {
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
	}

}
