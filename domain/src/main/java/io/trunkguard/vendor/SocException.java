package io.trunkguard.vendor;

import io.trunkguard.vendor.SocReportFacts.ExceptionAssessment;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An exception (deviation) the service auditor reported, with our assessment. */
@Embeddable
public record SocException(
		@Column(name = "control_ref", nullable = false, length = 50) @NotBlank @Size(max = 50) String controlRef,
		@Column(name = "description", nullable = false, length = 2000) @NotBlank @Size(max = 2000) String description,
		@Column(name = "management_response", length = 2000) @Size(max = 2000) String managementResponse,
		@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "assessment", nullable = false,
				length = 30) @NotNull ExceptionAssessment assessment) {
}
