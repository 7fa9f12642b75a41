package io.trunkguard.trace;

import org.springframework.core.io.InputStreamSource;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One analysis to run: the capture's bytes and name, the optional TLS key log (NSS
 * format), the networks the operator calls internal (CIDR) and the time the analysis may
 * take.
 *
 * @param keyLog null when none was given
 */
public record AnalysisRequest(String fileName, InputStreamSource capture, InputStreamSource keyLog,
		List<String> internalNetworks, Duration timeLimit) {

	public AnalysisRequest {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(capture, "capture");
		internalNetworks = List.copyOf(internalNetworks);
		Objects.requireNonNull(timeLimit, "timeLimit");
	}

}
