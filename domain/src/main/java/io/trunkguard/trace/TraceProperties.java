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
 */
@ConfigurationProperties("trunkguard.trace")
public record TraceProperties(@DefaultValue("2GB") DataSize maxCaptureSize,
		@DefaultValue("4m") Duration analysisTimeLimit) {
}
