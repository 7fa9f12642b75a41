package io.trunkguard.vendor;

import io.trunkguard.vendor.SocReportFacts.CuecStatus;
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
 * A complementary user entity control the report expects of us, mapped to the control on
 * our side that covers it, with its owner and status.
 */
@Embeddable
public record Cuec(
		@Column(name = "description", nullable = false, length = 2000) @NotBlank @Size(max = 2000) String description,
		@Column(name = "our_control", length = 300) @Size(max = 300) String ourControl,
		@Column(name = "owner", length = 200) @Size(max = 200) String owner,
		@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "status", nullable = false,
				length = 20) @NotNull CuecStatus status) {
}
