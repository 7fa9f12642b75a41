package io.trunkguard.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings of capture analysis ({@code trunkguard.trace.*}).
 *
 * @param maxCaptureSize larger uploads are refused before they are read
 * @param analysisTimeLimit an analysis still running after this fails (and is retried)
 * @param rawRetention raw capture files (call audio, phone numbers) are deleted this long
 * after their upload; reports and findings stay
 */
@ConfigurationProperties("trunkguard.trace")
public record TraceProperties(@DefaultValue("2GB") DataSize maxCaptureSize,
		@DefaultValue("2h") Duration analysisTimeLimit, @DefaultValue("30d") Duration rawRetention) {
}
