package io.trunkguard.securityevent.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The syslog destination ({@code trunkguard.siem.syslog.*}): unset host, none.
 *
 * @param host the receiver's host name or address
 * @param port its TCP port (RFC 6587: 514 by custom; RFC 5425 TLS: 6514)
 * @param tls whether to speak TLS (RFC 5425)
 * @param caCertificate a PEM file of the certificates to trust instead of the JVM's
 * authorities (a private CA or the receiver's self-signed certificate)
 * @param verifyHostname whether the receiver's certificate must name {@code host}
 * @param hostname the HOSTNAME field of each message (default: this machine's name)
 * @param appName the APP-NAME field
 * @param facility the facility number (default 10, security/authorization)
 * @param enterpriseNumber the private enterprise number in the structured data's id
 * ({@code trunkguard@N}); 32473 is the one RFC 5612 reserves for documentation
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for the receiver to confirm a batch by closing
 */
@ConfigurationProperties("trunkguard.siem.syslog")
record SyslogProperties(String host, @DefaultValue("6514") int port, @DefaultValue("true") boolean tls,
		Path caCertificate, @DefaultValue("true") boolean verifyHostname, String hostname,
		@DefaultValue("trunkguard") String appName, @DefaultValue("10") int facility,
		@DefaultValue("32473") int enterpriseNumber, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout) {

	boolean enabled() {
		return host != null && !host.isBlank();
	}

}
