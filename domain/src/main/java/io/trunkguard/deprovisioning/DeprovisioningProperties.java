package io.trunkguard.deprovisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of deprovisioning ({@code trunkguard.deprovisioning.*}).
 *
 * @param defaultSla time allowed from the HR event to a grant's removal
 * @param systemSla per-system SLA, by system name, overriding the default (e.g. a carrier
 * portal that takes 48 h)
 * @param escalationGroups the candidate groups a missed manual removal is escalated to
 * @param rosterMaxTerminationsPercent a roster import that would terminate more of the
 * active people is refused
 * @param effectiveAtMaxAhead a termination effective further in the future is refused
 * @param effectiveAtMaxBack a termination effective further in the past is refused
 */
@ConfigurationProperties("trunkguard.deprovisioning")
record DeprovisioningProperties(@DefaultValue("24h") Duration defaultSla, Map<String, Duration> systemSla,
		@DefaultValue("compliance-lead") List<String> escalationGroups,
		@DefaultValue("10") double rosterMaxTerminationsPercent, @DefaultValue("30d") Duration effectiveAtMaxAhead,
		@DefaultValue("365d") Duration effectiveAtMaxBack) {

	DeprovisioningProperties {
		systemSla = systemSla == null ? Map.of() : Map.copyOf(systemSla);
		escalationGroups = List.copyOf(escalationGroups);
	}

	Duration slaOf(String systemName) {
		return systemSla.getOrDefault(systemName, defaultSla);
	}
}
