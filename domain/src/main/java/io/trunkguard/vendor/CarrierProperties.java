package io.trunkguard.vendor;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;

/**
 * Settings of the carrier record ({@code trunkguard.carriers.*}).
 *
 * @param auditPeriodFrom first day of our audit period; unset with {@code auditPeriodTo}:
 * the current calendar year
 * @param auditPeriodTo last day of our audit period
 */
@ConfigurationProperties("trunkguard.carriers")
record CarrierProperties(LocalDate auditPeriodFrom, LocalDate auditPeriodTo) {

	AuditPeriod auditPeriod(LocalDate today) {
		if (auditPeriodFrom == null || auditPeriodTo == null) {
			return AuditPeriod.calendarYearOf(today);
		}
		return new AuditPeriod(auditPeriodFrom, auditPeriodTo);
	}
}
