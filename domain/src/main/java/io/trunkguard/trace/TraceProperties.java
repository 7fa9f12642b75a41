package io.trunkguard.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings of capture analysis ({@code trunkguard.trace.*}).
 *
 * @param maxCaptureSize larger uploads are refused before they are read
 * @param analysisTimeLimit an analysis still running after this fails (and is retried);
 * kept below the job executor's lock time (5 minutes), so that no other node takes a
 * running analysis over
 * @param remediationDueDays days a carrier's owner has to remediate an encryption
 * regression or a HIGH CC6.7 finding before the task is escalated
 * @param rawRetention raw capture files (call audio, phone numbers) are deleted this long
 * after their upload; reports, findings and evidence stay
 */
@ConfigurationProperties("trunkguard.trace")
public record TraceProperties(@DefaultValue("2GB") DataSize maxCaptureSize,
		@DefaultValue("4m") Duration analysisTimeLimit, @DefaultValue("14") int remediationDueDays,
		@DefaultValue("30d") Duration rawRetention) {
}
