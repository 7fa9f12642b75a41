package io.trunkguard.deprovisioning;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.ProofUpload;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The user tasks of deprovisioning as people work them: a system owner confirms a manual
 * removal, a compliance lead an escalated removal or the investigation of access left.
 * Only the assignee or a holder of a candidate role may see or complete a task;
 * completing needs a note saying what was done (kept on the case), optionally with a
 * proof file (the same kind as a review remediation's proof: stored in the file store as
 * CC6.1 evidence, its name and SHA-256 in the note, the audit trail and the
 * deprovisioning log). The note, the proof and the completion commit together.
 */
@Service
public class DeprovisioningTasks {

	public static final int MAX_NOTE = 1000;

	private final ObjectProvider<DeprovisioningTaskPort> ports;

	private final DeprovisioningCases cases;

	private final RemovalProofs proofs;

	private final EvidenceService evidence;

	private final FileStore files;

	private final AuditTrail trail;

	private final Clock clock;

	DeprovisioningTasks(ObjectProvider<DeprovisioningTaskPort> ports, DeprovisioningCases cases, RemovalProofs proofs,
			EvidenceService evidence, FileStore files, AuditTrail trail, ObjectProvider<Clock> clock) {
		this.ports = ports;
		this.cases = cases;
		this.proofs = proofs;
		this.evidence = evidence;
		this.files = files;
		this.trail = trail;
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
			throw new DeprovisioningTaskDeniedException("The task \"" + task.name() + "\" is for "
					+ (task.assignee() != null ? task.assignee()
							: "the role(s) " + String.join(", ", task.candidateGroups()))
					+ ", not for " + username + ".");
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
		complete(taskId, username, roles, note, null);
	}

	/**
	 * Completes the actor's task with their note and, if given, a proof file: the file is
	 * checked first ({@link ProofUpload#check}, nothing is stored when it is refused),
	 * then stored as CC6.1 evidence about the case, named in the note with its SHA-256
	 * and recorded in the audit trail.
	 */
	@Transactional
	public void complete(String taskId, String username, Collection<String> roles, String note, ProofUpload proof) {
		DeprovisioningTask task = taskFor(taskId, username, roles);
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("deprovisioning.note-required", "Say what you did: a note is required.",
					Map.of("note", task.kind() == DeprovisioningTask.Kind.INVESTIGATE ? "say what you found and removed"
							: "say how and where you removed the access"));
		}
		if (proof != null) {
			proof.check();
		}
		String proofNote = proof == null ? "" : " [proof: " + proof.describe() + "]";
		int room = MAX_NOTE - proofNote.length();
		if (text.length() > room) {
			throw new InvalidInputException("deprovisioning.note-too-long",
					"The note is longer than " + room + " characters.",
					Map.of("note", "at most " + room + " characters (" + text.length() + " given)"));
		}
		if (proof != null) {
			attach(task, proof, username);
		}
		if (task.kind() == DeprovisioningTask.Kind.INVESTIGATE) {
			DeprovisioningCase c = cases.findById(task.caseId())
				.orElseThrow(() -> new NotFoundException("DeprovisioningCase", task.caseId()));
			c.recordInvestigation(text + proofNote, username, clock.instant());
			cases.save(c);
		}
		port().complete(taskId, username, text + proofNote);
	}

	private void attach(DeprovisioningTask task, ProofUpload proof, String username) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
		String name = proof.cleanName();
		EvidenceItem recorded = evidence.store(proof.content(), name,
				new EvidenceDraft("Proof of a deprovisioning removal: " + name, List.of("CC6.1"), day, day,
						"DeprovisioningCase", task.caseId().toString()),
				username);
		RemovalProof stored = proofs.save(new RemovalProof(task, files.get(recorded.getFileId()), username, now));
		trail.record(username, "DEPROVISIONING_REMOVAL_PROOF_ATTACHED", "DeprovisioningCase", task.caseId().toString(),
				Map.of("taskId", task.id(), "system", task.systemName() == null ? "" : task.systemName(), "fileName",
						stored.getFileName(), "contentType", stored.getFile().getContentType(), "sizeBytes",
						stored.getSizeBytes(), "sha256", stored.getSha256()));
	}

	/** The proof files attached to the case's removals, the oldest first. */
	@Transactional(readOnly = true)
	public List<RemovalProof> proofsOf(DeprovisioningCaseId caseId) {
		return proofs.findByCaseIdOrderByUploadedAt(caseId);
	}

	/** One proof file. */
	@Transactional(readOnly = true)
	public RemovalProof proof(UUID proofId) {
		return proofs.findById(proofId).orElseThrow(() -> new NotFoundException("RemovalProof", proofId));
	}

}
