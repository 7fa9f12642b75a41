package io.trunkguard.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What sets a carrier's risk tier: the data it handles, whether it sees call content, and
 * how critical it is. The tier is the highest that any criterion calls for.
 */
@Embeddable
public record RiskCriteria(
		@NotNull @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "risk_data_handled",
				length = 30) DataHandled dataHandled,
		@NotNull @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "risk_call_content",
				length = 30) CallContent callContent,
		@NotNull @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.VARCHAR) @Column(name = "risk_criticality",
				length = 30) Criticality criticality) {

	/** The tier these criteria set: the highest any of them calls for. */
	public RiskTier tier() {
		return Stream.of(dataHandled.tier(), callContent.tier(), criticality.tier())
			.max(Comparator.naturalOrder())
			.orElseThrow();
	}

	/**
	 * A sentence saying why the tier is what it is, e.g. "High, because it carries call
	 * media; data handled: call metadata (CDRs, numbers); criticality: medium: some
	 * numbers or features stop."
	 */
	public String explanation() {
		RiskTier tier = tier();
		List<String> because = new ArrayList<>();
		List<String> also = new ArrayList<>();
		(dataHandled.tier() == tier ? because : also).add("data handled: " + lower(dataHandled.label()));
		(callContent.tier() == tier ? because : also).add("call content: " + lower(callContent.label()));
		(criticality.tier() == tier ? because : also).add("criticality: " + lower(criticality.label()));
		String sentence = capital(tier.name()) + " tier, set by " + String.join(" and ", because);
		return sentence + (also.isEmpty() ? "." : "; also " + String.join(", ", also) + ".");
	}

	private static String lower(String s) {
		return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}

	private static String capital(String constant) {
		String lower = constant.toLowerCase(Locale.ROOT);
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

}
