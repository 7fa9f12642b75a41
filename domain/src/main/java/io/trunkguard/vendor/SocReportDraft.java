package io.trunkguard.vendor;

import io.trunkguard.vendor.SocReportFacts.Opinion;
import io.trunkguard.vendor.SocReportFacts.ReportType;
import io.trunkguard.vendor.SocReportFacts.SocType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A SOC report review as entered on the structured form.
 *
 * @param periodStart the first day of a type II report's period (null for type I)
 * @param periodEnd the last day of the period, or a type I report's as-of date
 * @param categories the trust services categories included (Security, Availability,
 * Processing integrity, Confidentiality, Privacy)
 * @param bridgeFrom the first day a bridge letter covers (null: no bridge letter)
 */
public record SocReportDraft(@NotNull SocType socType, @NotNull ReportType reportType,
		@NotNull @Size(max = 5) List<@NotBlank @Size(max = 40) String> categories, LocalDate periodStart,
		@NotNull LocalDate periodEnd, @NotNull LocalDate issuedOn, @NotBlank @Size(max = 200) String auditorFirm,
		@NotNull Opinion opinion, @Size(max = 4000) String qualification,
		@NotNull @Size(max = 100) List<@Valid @NotNull SocException> exceptions,
		@NotNull @Size(max = 200) List<@Valid @NotNull Cuec> cuecs,
		@NotNull @Size(max = 50) List<@Valid @NotNull Subservice> subservices, LocalDate bridgeFrom,
		LocalDate bridgeTo) {

	public SocReportDraft {
		categories = categories == null ? List.of() : List.copyOf(categories);
		exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
		cuecs = cuecs == null ? List.of() : List.copyOf(cuecs);
		subservices = subservices == null ? List.of() : List.copyOf(subservices);
		qualification = qualification == null || qualification.isBlank() ? null : qualification.strip();
	}

	@AssertTrue(message = "a type II report needs a period start on or before its end")
	boolean isPeriodValid() {
		if (reportType != ReportType.TYPE_II) {
			return true;
		}
		return periodStart != null && periodEnd != null && !periodStart.isAfter(periodEnd);
	}

	@AssertTrue(message = "a qualified or adverse opinion needs the qualification text")
	boolean isQualificationGiven() {
		return opinion == null || opinion == Opinion.UNQUALIFIED || qualification != null;
	}

	@AssertTrue(message = "a bridge letter needs both its first and last day, in order")
	boolean isBridgeValid() {
		return (bridgeFrom == null && bridgeTo == null)
				|| (bridgeFrom != null && bridgeTo != null && !bridgeTo.isBefore(bridgeFrom));
	}
}
