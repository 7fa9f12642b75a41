package io.trunkguard.deprovisioning;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.trunkguard.evidence.EvidenceDraft;
import io.trunkguard.evidence.EvidenceItem;
import io.trunkguard.evidence.EvidenceService;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps generated deprovisioning logs in the file store as SOC 2 CC6.1 evidence items. A
 * log evidences its period, so it is dated the period's end (or now, while the period is
 * still running); its SHA-256 goes to the audit trail.
 */
@Service
@Transactional
public class DeprovisioningLogArchive {

	private final DeprovisioningLogFiles files;

	private final AuditTrail trail;

	private final EvidenceService evidence;

	private final FileStore store;

	private final Clock clock;

	DeprovisioningLogArchive(DeprovisioningLogFiles files, AuditTrail trail, EvidenceService evidence, FileStore store,
			ObjectProvider<Clock> clock) {
		this.files = files;
		this.evidence = evidence;
		this.store = store;
		this.trail = trail;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public DeprovisioningLogFile store(DeprovisioningPeriod period, DeprovisioningLogFile.Format format, byte[] content,
			int caseCount, String actor) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant lastInstant = period.end().minusNanos(1000);
		Instant evidenceDate = lastInstant.isBefore(now) ? lastInstant : now;
		EvidenceItem item = evidence.store(content, DeprovisioningLogFile.fileName(period, format),
				new EvidenceDraft(
						"Deprovisioning log " + period.from() + " to " + period.to() + " (" + format.name() + ")",
						List.of(DeprovisioningLogFile.CRITERION), period.from(), period.to(), "DeprovisioningLog",
						period.from() + "/" + period.to()),
				actor);
		StoredFile stored = store.get(item.getFileId());
		String sha256 = stored.getSha256();
		DeprovisioningLogFile file = files
			.save(new DeprovisioningLogFile(period, format, stored, caseCount, evidenceDate, now, actor));
		trail.record(actor, "DEPROVISIONING_LOG_STORED", "DeprovisioningLog", period.toString(),
				Map.of("format", format.name(), "fileName", file.getFileName(), "sha256", sha256, "sizeBytes",
						content.length, "criterion", DeprovisioningLogFile.CRITERION, "cases", caseCount,
						"evidenceDate", evidenceDate.toString()));
		return file;
	}

	@Transactional(readOnly = true)
	public List<DeprovisioningLogFile> recent() {
		return files.findTop20ByOrderByGeneratedAtDesc();
	}

	@Transactional(readOnly = true)
	public DeprovisioningLogFile get(UUID id) {
		return files.findById(id).orElseThrow(() -> new NotFoundException("DeprovisioningLogFile", id));
	}

}
