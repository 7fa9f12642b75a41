package io.trunkguard.review.workflow;

import io.trunkguard.WorkflowsTestApplication;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.GrantStatus;
import io.trunkguard.access.AccessService;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.demo.DemoDataLoader;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLauncher;
import io.trunkguard.review.CampaignLifecycleService;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.ReviewDecisionService;
import io.trunkguard.review.RemediationService;
import io.trunkguard.review.CampaignStatus;
import io.trunkguard.review.Closure;
import io.trunkguard.review.Decision;
import io.trunkguard.review.RemediationStatus;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItems;
import io.trunkguard.review.UnansweredRule;
import io.trunkguard.workflow.BpmnModels;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.trunkguard.review.workflow.AccessReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process on the real engine with the real domain on H2 (Spring Boot, Flyway, the
 * demo data): a compliance lead starts a campaign, reviewers decide and submit in the
 * domain, their inbox tasks complete, remediation runs automatically and by hand, and the
 * campaign is closed, signed off and its report requested.
 */
@SpringBootTest(classes = WorkflowsTestApplication.class)
class AccessReviewWorkflowIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	CampaignLauncher launcher;

	@Autowired
	CampaignLifecycleService lifecycle;

	@Autowired
	CampaignQueryService queries;

	@Autowired
	ReviewDecisionService decisions;

	@Autowired
	RemediationService remediation;

	@Autowired
	ReviewItems items;

	@Autowired
	AccessService access;

	@Autowired
	AuditEntries audit;

	@Autowired
	DemoDataLoader demoData;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	StandInKeycloakRemediation keycloak;

	@BeforeEach
	void demoData() {
		demoData.load();
	}

	@Test
	void everyDelegateExpressionResolvesToABean() {
		BpmnModelInstance model = BpmnModels.read(RESOURCE);
		Set<String> delegates = BpmnModels.delegateBeans(model);

		assertThat(delegates).hasSize(9);
		assertThat(delegates)
			.allSatisfy(name -> assertThat(context.getBean(name)).as(name).isInstanceOf(JavaDelegate.class));
		assertThat(model.getModelElementsByType(TimeCycle.class)).singleElement()
			.satisfies(cycle -> assertThat(context.getBean(BpmnModels.beanName(cycle.getTextContent())))
				.isInstanceOf(AccessReviewSchedule.class));
	}

	@Test
	void runsACampaignFromStartToSignOffOnTheEngine() {
		CampaignId id = launcher.launch("Q4 access review", Instant.now().plus(Duration.ofDays(14)),
				UnansweredRule.CARRY_OVER, "tests share one database", "compliance-lead");

		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(id.toString())
			.singleResult();
		assertThat(instance).isNotNull();
		List<String> reviewers = queries.reviewers(id);
		List<Task> inbox = reviewTasks(id);
		assertThat(inbox).hasSize(reviewers.size());
		assertThat(inbox.stream().map(this::candidateUser)).containsExactlyInAnyOrderElementsOf(reviewers);

		// one reviewer revokes on the Keycloak-connected system, another on a manual
		// system; both submit
		List<ReviewItem> all = items.findByCampaignId(id);
		// (a holder with a login: the connector finds accounts by username; one without
		// goes to the owner)
		ReviewItem onKeycloak = all.stream()
			.filter(item -> item.getConnector() == ConnectorType.KEYCLOAK && item.getPersonUsername() != null)
			.findFirst()
			.orElseThrow();
		ReviewItem onManual = all.stream()
			.filter(item -> item.getConnector() == ConnectorType.MANUAL
					&& !item.getReviewerUsername().equals(onKeycloak.getReviewerUsername()))
			.findFirst()
			.orElseThrow();
		decideAllAndSubmit(id, onKeycloak);
		// automatic remediation through the connector, as soon as its reviewer submitted
		assertThat(items.findById(onKeycloak.getId()).orElseThrow().getRemediationStatus())
			.isEqualTo(RemediationStatus.REMEDIATED);
		assertThat(keycloak.removed).anySatisfy(request -> assertThat(request.itemId()).isEqualTo(onKeycloak.getId()));
		assertThat(access.getGrant(onKeycloak.getGrantId()).getStatus()).isEqualTo(GrantStatus.REVOKED);
		decideAllAndSubmit(id, onManual);
		assertThat(reviewTasks(id)).hasSize(reviewers.size() - 2)
			.noneSatisfy(task -> assertThat(candidateUser(task)).isIn(onKeycloak.getReviewerUsername(),
					onManual.getReviewerUsername()));

		// close-out: the others' items are carried over; nothing is left for the
		// connector
		execute(job(instance, TIMER_CLOSE_OUT));
		execute(job(instance, TASK_APPLY_UNANSWERED_RULE));
		assertThat(items.findByCampaignId(id)).allSatisfy(item -> assertThat(item.getClosure()).isNotNull());
		assertThat(management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(TASK_REMOVE_ACCESS_AUTOMATICALLY)
			.count()).isZero();

		// manual remediation: the owner confirms in the domain, the task completes
		Task manual = tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_CONFIRM_MANUAL_REMOVAL)
			.singleResult();
		String owner = remediation.remediationOf(onManual.getId()).systemOwnerUsername();
		assertThat(candidateUser(manual)).isEqualTo(owner);
		remediation.recordRemediation(onManual.getId(), "removed in the admin UI, ticket OPS-77", owner);
		assertThat(tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_CONFIRM_MANUAL_REMOVAL)
			.count()).isZero();

		execute(job(instance, TASK_CLOSE_CAMPAIGN));
		assertThat(queries.get(id).getStatus()).isEqualTo(CampaignStatus.CLOSED);
		lifecycle.signOff(id, "reviewed for SOC 2", "compliance-lead");
		execute(job(instance, TASK_GENERATE_REPORT));

		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(queries.get(id).getStatus()).isEqualTo(CampaignStatus.SIGNED_OFF);
		assertThat(audit
			.search(null, "REVIEW_REPORT_REQUESTED", "ReviewCampaign", id.toString(), null, null, Pageable.unpaged())
			.getTotalElements()).isEqualTo(1);
		assertThat(items.findByCampaignId(id)).filteredOn(item -> item.getClosure() == Closure.CARRIED_OVER)
			.isNotEmpty();
	}

	void decideAllAndSubmit(CampaignId id, ReviewItem revoked) {
		String reviewer = revoked.getReviewerUsername();
		List<ReviewItem> mine = items.findByCampaignIdAndReviewerUsernameAndClosureIsNull(id, reviewer);
		decisions.decide(mine.stream().map(ReviewItem::getId).toList(), Decision.KEEP, null, "still needed", reviewer);
		decisions.decide(List.of(revoked.getId()), Decision.REVOKE, null, "no longer needed", reviewer);
		decisions.submit(id, reviewer);
	}

	List<Task> reviewTasks(CampaignId id) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(id.toString())
			.taskDefinitionKey(TASK_REVIEW_GRANTS)
			.list();
	}

	String candidateUser(Task task) {
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
			.map(IdentityLink::getUserId)
			.findFirst()
			.orElse(null);
	}

	Job job(ProcessInstance instance, String activityId) {
		List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
		assertThat(jobs).as("jobs at " + activityId).hasSize(1);
		return jobs.get(0);
	}

	void execute(Job job) {
		management.executeJob(job.getId());
	}

}
