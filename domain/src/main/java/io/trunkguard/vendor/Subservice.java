package io.trunkguard.vendor;

import io.trunkguard.vendor.SocReportFacts.InclusionMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A subservice organisation of the carrier named in its report; for a carve-out, whether
 * we hold that organisation's own report.
 */
@Embeddable
public record Subservice(@Column(name = "name", nullable = false, length = 200) @NotBlank @Size(max = 200) String name,
		@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "method", nullable = false,
				length = 20) @NotNull InclusionMethod method,
		@Column(name = "report_held", nullable = false) boolean reportHeld) {
}
