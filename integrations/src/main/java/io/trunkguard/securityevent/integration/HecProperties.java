package io.trunkguard.securityevent.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Splunk HTTP Event Collector destination ({@code trunkguard.siem.hec.*}): unset URL,
 * none. The token comes only from the environment ({@code TRUNKGUARD_SIEM_HEC_TOKEN}).
 *
 * @param url the collector's event endpoint, e.g.
 * {@code https://splunk.example:8088/services/collector/event}
 * @param token the HEC token (from the environment)
 * @param caCertificate a PEM file of the certificates to trust instead of the JVM's
 * authorities
 * @param host the {@code host} field of each event (default: this machine's name)
 * @param source the {@code source} field
 * @param sourcetype the {@code sourcetype} field
 * @param index the index to write to, or none (the token's default index)
 * @param timeout how long to wait for the collector's answer
 */
@ConfigurationProperties("trunkguard.siem.hec")
record HecProperties(URI url, String token, Path caCertificate, String host, @DefaultValue("trunkguard") String source,
		@DefaultValue("trunkguard:security-event") String sourcetype, String index,
		@DefaultValue("10s") Duration timeout) {

	boolean enabled() {
		return url != null;
	}

}
