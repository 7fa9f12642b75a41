package io.trunkguard.deprovisioning;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps generated deprovisioning logs as SOC 2 CC6.1 evidence. A log evidences its
 * period, so it is dated the period's end (or now, while the period is still running);
 * its SHA-256 goes to the audit trail.
 */
@Service
@Transactional
public class DeprovisioningLogArchive {

	private final DeprovisioningLogFiles files;

	private final AuditTrail trail;

	private final Clock clock;

	DeprovisioningLogArchive(DeprovisioningLogFiles files, AuditTrail trail, ObjectProvider<Clock> clock) {
		this.files = files;
		this.trail = trail;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public DeprovisioningLogFile store(DeprovisioningPeriod period, DeprovisioningLogFile.Format format, byte[] content,
			int caseCount, String actor) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant lastInstant = period.end().minusNanos(1000);
		Instant evidenceDate = lastInstant.isBefore(now) ? lastInstant : now;
		String sha256 = sha256(content);
		DeprovisioningLogFile file = files
			.save(new DeprovisioningLogFile(period, format, content, sha256, caseCount, evidenceDate, now, actor));
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

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

}
