package io.trunkguard.vendor;

/** The enumerations of a SOC report review, each with a label for people. */
public final class SocReportFacts {

	private SocReportFacts() {
	}

	public enum SocType {

		SOC_1("SOC 1"), SOC_2("SOC 2"), SOC_3("SOC 3");

		private final String label;

		SocType(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public enum ReportType {

		TYPE_I("Type I"), TYPE_II("Type II");

		private final String label;

		ReportType(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public enum Opinion {

		UNQUALIFIED("Unqualified"), QUALIFIED("Qualified"), ADVERSE("Adverse"), DISCLAIMER("Disclaimer of opinion");

		private final String label;

		Opinion(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** What we make of an exception the service auditor found. */
	public enum ExceptionAssessment {

		ACCEPT("Accepted"), COMPENSATING_CONTROL("Covered by a compensating control"), FOLLOW_UP("Follow up");

		private final String label;

		ExceptionAssessment(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** Whether our side covers a complementary user entity control. */
	public enum CuecStatus {

		COVERED("Covered"), PARTLY_COVERED("Partly covered"), NOT_COVERED("Not covered");

		private final String label;

		CuecStatus(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** How a subservice organisation is treated in the report. */
	public enum InclusionMethod {

		CARVE_OUT("Carve-out"), INCLUSIVE("Inclusive");

		private final String label;

		InclusionMethod(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}
