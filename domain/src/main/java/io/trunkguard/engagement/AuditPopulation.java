package io.trunkguard.engagement;

/**
 * A population an auditor samples from for an audit's period: every record of one kind in
 * the period, as a table.
 */
public enum AuditPopulation {

	TERMINATIONS("terminations", "Terminations", "CC6.1",
			"Every termination in the period, with the time to deprovision and whether the SLA was met."),
	REVIEW_DECISIONS("review-decisions", "Review decisions", "CC6.1",
			"Every access review item decided in the period: person, system, role, decision, reviewer, when."),
	CARRIER_REVIEWS("carrier-reviews", "Carrier reviews", "CC9.2",
			"Every carrier review started or decided in the period, with its decision and encryption status."),
	CAPTURES("captures", "Captures analysed", "CC6.7, CC7.2",
			"Every capture analysed for the period's traffic: carrier, encryption verdict and findings.");

	private final String slug;

	private final String label;

	private final String criteria;

	private final String description;

	AuditPopulation(String slug, String label, String criteria, String description) {
		this.slug = slug;
		this.label = label;
		this.criteria = criteria;
		this.description = description;
	}

	/** Its name in links and file names, e.g. {@code review-decisions}. */
	public String slug() {
		return slug;
	}

	public String label() {
		return label;
	}

	/** The criteria it is evidence for, e.g. {@code CC6.1}. */
	public String criteria() {
		return criteria;
	}

	public String description() {
		return description;
	}

	/** The population named {@code slug} (its slug or constant), or null. */
	public static AuditPopulation ofSlug(String slug) {
		for (AuditPopulation population : values()) {
			if (population.slug.equals(slug) || population.name().equals(slug)) {
				return population;
			}
		}
		return null;
	}

}
