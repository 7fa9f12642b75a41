package io.trunkguard.mfa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One privileged person in a read: their roles (privileged grants and Trunkguard roles),
 * their second factors and what that means, in a sentence.
 */
@Embeddable
public class MfaReadRow {

	@Column(nullable = false, length = 200)
	private String username;

	@Column(name = "full_name", length = 300)
	private String fullName;

	@Column(nullable = false, length = 4000)
	private String roles;

	@Column(nullable = false, length = 1000)
	private String factors;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, length = 40)
	private MfaStatus status;

	@Column(name = "is_exception", nullable = false)
	private boolean exception;

	@Column(nullable = false, length = 2000)
	private String sentence;

	protected MfaReadRow() {
	}

	MfaReadRow(String username, String fullName, String roles, String factors, MfaStatus status, String sentence) {
		this.username = username;
		this.fullName = fullName;
		this.roles = cut(roles, 4000);
		this.factors = cut(factors, 1000);
		this.status = status;
		this.exception = status.isException();
		this.sentence = cut(sentence, 2000);
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	public String getUsername() {
		return username;
	}

	public String getFullName() {
		return fullName;
	}

	/** "Full Name (username)", or the username when the person is not registered. */
	public String getPersonNamed() {
		return fullName == null || fullName.equals(username) ? username : fullName + " (" + username + ")";
	}

	public String getRoles() {
		return roles;
	}

	public String getFactors() {
		return factors;
	}

	public MfaStatus getStatus() {
		return status;
	}

	public boolean isException() {
		return exception;
	}

	public String getSentence() {
		return sentence;
	}

}
