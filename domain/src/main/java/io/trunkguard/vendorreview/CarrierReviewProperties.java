package io.trunkguard.vendorreview;

import io.trunkguard.vendor.RiskTier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of annual carrier reviews ({@code trunkguard.carrier-review.*}).
 *
 * @param cadence time between reviews by risk tier (default: a year, two for low risk)
 * @param dueSoonDays a review is "due soon" this many days before it is due, and the
 * daily schedule starts it then
 * @param fourEyes whether the owner of a carrier may not decide its review while another
 * compliance lead exists
 * @param complianceLeads usernames of the compliance leads (for the four-eyes rule)
 */
@ConfigurationProperties("trunkguard.carrier-review")
record CarrierReviewProperties(Map<RiskTier, Period> cadence, @DefaultValue("30") int dueSoonDays,
		@DefaultValue("true") boolean fourEyes, @DefaultValue("compliance-lead") List<String> complianceLeads) {

	CarrierReviewProperties {
		Map<RiskTier, Period> merged = new EnumMap<>(RiskTier.class);
		merged.put(RiskTier.CRITICAL, Period.ofYears(1));
		merged.put(RiskTier.HIGH, Period.ofYears(1));
		merged.put(RiskTier.MEDIUM, Period.ofYears(1));
		merged.put(RiskTier.LOW, Period.ofYears(2));
		if (cadence != null) {
			merged.putAll(cadence);
		}
		cadence = Map.copyOf(merged);
		complianceLeads = List.copyOf(complianceLeads);
	}

	Period cadenceOf(RiskTier tier) {
		return cadence.get(tier);
	}
}
