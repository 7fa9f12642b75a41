package io.trunkguard.securityevent.integration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The configured SIEM destinations: syslog when {@code trunkguard.siem.syslog.host} is
 * set, Splunk HEC when {@code trunkguard.siem.hec.url} is set (both may be).
 */
@Configuration(proxyBeanMethods = false)
class SiemConfiguration {

	@Bean
	@ConditionalOnProperty("trunkguard.siem.syslog.host")
	SyslogDestination syslogDestination(SyslogProperties properties) {
		return new SyslogDestination(properties, localHostname());
	}

	@Bean
	@ConditionalOnProperty("trunkguard.siem.hec.url")
	SplunkHecDestination splunkHecDestination(HecProperties properties) {
		return new SplunkHecDestination(properties, localHostname());
	}

	static String localHostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "trunkguard";
		}
	}

}
