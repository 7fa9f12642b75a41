package io.trunkguard.deprovisioning;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The user tasks of deprovisioning as people work them: a system owner confirms a manual
 * removal, a compliance lead an escalated removal or the investigation of access left.
 * Only the assignee or a holder of a candidate role may see or complete a task;
 * completing needs a note saying what was done (kept on the case). The note and the
 * completion commit together.
 */
@Service
public class DeprovisioningTasks {

	public static final int MAX_NOTE = 1000;

	private final ObjectProvider<DeprovisioningTaskPort> ports;

	private final DeprovisioningCases cases;

	private final Clock clock;

	DeprovisioningTasks(ObjectProvider<DeprovisioningTaskPort> ports, DeprovisioningCases cases,
			ObjectProvider<Clock> clock) {
		this.ports = ports;
		this.cases = cases;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The process engine's tasks (workflows); absent only in a domain without engine. */
	private DeprovisioningTaskPort port() {
		DeprovisioningTaskPort port = ports.getIfUnique();
		if (port == null) {
			throw new IllegalStateException("no process engine adapter (DeprovisioningTaskPort) is configured");
		}
		return port;
	}

	/**
	 * The open tasks {@code username} (holding {@code roles}) may complete, the most
	 * urgent first.
	 */
	public List<DeprovisioningTask> tasksOf(String username, Collection<String> roles) {
		return port().openTasks()
			.stream()
			.filter(t -> t.isFor(username, roles))
			.sorted(java.util.Comparator
				.comparing((DeprovisioningTask t) -> t.dueAt() == null ? t.createdAt() : t.dueAt()))
			.toList();
	}

	/**
	 * The task, if it is the actor's; {@link NotFoundException} if it is not open,
	 * {@link DeprovisioningTaskDeniedException} if not theirs.
	 */
	public DeprovisioningTask taskFor(String taskId, String username, Collection<String> roles) {
		DeprovisioningTask task = port().find(taskId)
			.orElseThrow(() -> new NotFoundException("DeprovisioningTask", taskId));
		if (!task.isFor(username, roles)) {
			throw new DeprovisioningTaskDeniedException(
					"task " + taskId + " (" + task.name() + ") is for "
							+ (task.assignee() != null ? task.assignee()
									: "the role(s) " + String.join(", ", task.candidateGroups()))
							+ ", not for " + username);
		}
		return task;
	}

	/**
	 * Completes the actor's task with their note: a removal is recorded on the case as
	 * done by them, with the note; an investigation records the note on the case and
	 * verifies again.
	 */
	@Transactional
	public void complete(String taskId, String username, Collection<String> roles, String note) {
		DeprovisioningTask task = taskFor(taskId, username, roles);
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("deprovisioning.note-required", "say what you did (a note is required)",
					Map.of("note", task.kind() == DeprovisioningTask.Kind.INVESTIGATE ? "say what you found and removed"
							: "say how and where you removed the access"));
		}
		if (text.length() > MAX_NOTE) {
			throw new InvalidInputException("deprovisioning.note-too-long",
					"the note is longer than " + MAX_NOTE + " characters",
					Map.of("note", "at most " + MAX_NOTE + " characters (" + text.length() + " given)"));
		}
		if (task.kind() == DeprovisioningTask.Kind.INVESTIGATE) {
			DeprovisioningCase c = cases.findById(task.caseId())
				.orElseThrow(() -> new NotFoundException("DeprovisioningCase", task.caseId()));
			c.recordInvestigation(text, username, clock.instant());
			cases.save(c);
		}
		port().complete(taskId, username, text);
	}

}
