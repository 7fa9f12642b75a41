package io.trunkguard.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person at the vendor to contact (e.g. for questionnaires). */
@Embeddable
public record VendorContact(
		@Column(name = "name", nullable = false, length = 200) @NotBlank @Size(max = 200) String name,
		@Column(name = "email", nullable = false, length = 320) @NotBlank @Email @Size(max = 320) String email,
		@Column(name = "phone", length = 40) @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*",
				message = "digits, spaces and + ( ) . / - only") String phone) {
}
