package io.trunkguard.demo;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.CarrierTrunks;
import io.trunkguard.vendor.ContractDraft;
import io.trunkguard.vendor.Cuec;
import io.trunkguard.vendor.DocumentDraft;
import io.trunkguard.vendor.DocumentKind;
import io.trunkguard.vendor.MediaClause;
import io.trunkguard.vendor.SignallingClause;
import io.trunkguard.vendor.SocException;
import io.trunkguard.vendor.SocReportDraft;
import io.trunkguard.vendor.SocReportFacts.CuecStatus;
import io.trunkguard.vendor.SocReportFacts.ExceptionAssessment;
import io.trunkguard.vendor.SocReportFacts.InclusionMethod;
import io.trunkguard.vendor.SocReportFacts.Opinion;
import io.trunkguard.vendor.SocReportFacts.ReportType;
import io.trunkguard.vendor.SocReportFacts.SocType;
import io.trunkguard.vendor.Subservice;
import io.trunkguard.vendor.Transport;
import io.trunkguard.vendor.TrunkEndpointDraft;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendorreview.CarrierReviewService;
import io.trunkguard.vendorreview.ConditionDraft;
import io.trunkguard.vendorreview.Decision;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo carriers' record: contracts with clauses, endpoints, signed DPAs, a SOC 2 type
 * II report each (Bluefin's qualified with two exceptions; Meridian's period ended five
 * months ago without a bridge letter), and reviews: Northwind approved with a condition
 * still open, Bluefin overdue, Meridian in progress with its questionnaire sent.
 */
final class DemoCarriers {

	private final CarrierRecords records;

	private final CarrierTrunks trunks;

	private final CarrierReviewService reviews;

	private final FileStore files;

	private final LocalDate today;

	DemoCarriers(CarrierRecords records, CarrierTrunks trunks, CarrierReviewService reviews, FileStore files,
			LocalDate today) {
		this.records = records;
		this.trunks = trunks;
		this.reviews = reviews;
		this.files = files;
		this.today = today;
	}

	void load(Vendor northwind, Vendor bluefin, Vendor meridian) {
		String actor = DemoDataLoader.ACTOR;
		// Northwind: TLS and SRTP required; report clean; approved with a condition
		// still open
		trunks.addEndpoint(northwind.getId(), new TrunkEndpointDraft("203.0.113.0/28", "sip.northwind-carrier.example",
				5061, Transport.TLS, List.of(), "Primary SIP edge, London"), actor);
		trunks.addEndpoint(northwind.getId(), new TrunkEndpointDraft("2001:db8:4e57::/48", null, 5061, Transport.TLS,
				List.of(), "Primary SIP edge, IPv6"), actor);
		records.addContract(northwind.getId(), new ContractDraft("Master services agreement", today.minusYears(3), null,
				90, true, SignallingClause.TLS_1_2, MediaClause.SRTP_OR_DTLS_SRTP), null, actor);
		records.addDocument(northwind.getId(), new DocumentDraft(DocumentKind.DPA, "Data processing agreement 2025",
				today.minusMonths(20), today.plusMonths(16)), pdf("northwind-dpa.pdf", "Northwind DPA"), actor);
		records.recordSocReport(northwind.getId(),
				new SocReportDraft(SocType.SOC_2, ReportType.TYPE_II, List.of("Security", "Availability"),
						today.minusMonths(13), today.minusMonths(1), today.minusDays(10), "Calder & Finch LLP",
						Opinion.UNQUALIFIED, null, List.of(),
						List.of(new Cuec("Customers restrict SIP trunk access to their own signalling addresses",
								"CC6.6 SBC access lists per carrier", "ingrid.solberg", CuecStatus.COVERED),
								new Cuec("Customers enable multi-factor authentication for portal users",
										"CC6.1 SSO with MFA for carrier portals", "compliance-lead",
										CuecStatus.PARTLY_COVERED)),
						List.of(new Subservice("Equinix (colocation)", InclusionMethod.CARVE_OUT, true)), null, null),
				pdf("northwind-soc2-type2.pdf", "Northwind SOC 2 Type II"), null, actor);
		reviews.recordPastReview(northwind.getId(), today.minusMonths(2), Decision.APPROVED_WITH_CONDITIONS,
				"SOC 2 report clean; MFA on the customer portal is only partly enforced for our users.",
				List.of(new ConditionDraft("Enforce MFA for every Harbourline user on the Northwind customer portal",
						"compliance-lead", today.plusMonths(1))),
				"compliance-lead", actor);

		// Bluefin: qualified opinion with two exceptions; last review 13 months ago:
		// overdue
		trunks.addEndpoint(bluefin.getId(), new TrunkEndpointDraft("198.51.100.0/27", "trunks.bluefin-telecom.example",
				5060, Transport.UDP, List.of(), "International termination"), actor);
		records.addContract(bluefin.getId(), new ContractDraft("Wholesale termination agreement", today.minusYears(2),
				today.plusMonths(10), 60, false, SignallingClause.TLS_1_2, MediaClause.SRTP), null, actor);
		records.addDocument(bluefin.getId(), new DocumentDraft(DocumentKind.DPA, "Data processing addendum",
				today.minusMonths(26), today.plusMonths(2)), pdf("bluefin-dpa.pdf", "Bluefin DPA"), actor);
		records.recordSocReport(bluefin.getId(), new SocReportDraft(SocType.SOC_2, ReportType.TYPE_II,
				List.of("Security"), today.minusMonths(14), today.minusMonths(2), today.minusMonths(1),
				"Marlow Assurance Partners", Opinion.QUALIFIED,
				"Logical access controls over the SIP switching platform were not operating effectively for part of the period.",
				List.of(new SocException("CC6.2",
						"Access of 3 of 25 leavers to the switch management console "
								+ "was removed 11 to 40 days after departure.",
						"Automated offboarding since March.", ExceptionAssessment.FOLLOW_UP),
						new SocException("CC6.3", "Quarterly access reviews were not performed for Q2.",
								"Reviews reinstated in Q3 with a new owner.",
								ExceptionAssessment.COMPENSATING_CONTROL)),
				List.of(new Cuec("Customers review their users of the Bluefin portal at least yearly", null, null,
						CuecStatus.NOT_COVERED)),
				List.of(new Subservice("AWS (hosting of the rating platform)", InclusionMethod.CARVE_OUT, false)), null,
				null), pdf("bluefin-soc2-type2.pdf", "Bluefin SOC 2 Type II"), null, actor);
		reviews.recordPastReview(bluefin.getId(), today.minusMonths(13), Decision.APPROVED,
				"Report and questionnaire without findings.", List.of(), "compliance-lead", actor);

		// Meridian: report period ended five months ago, no bridge letter; review in
		// progress
		trunks.addEndpoint(meridian.getId(), new TrunkEndpointDraft("192.0.2.64/26", "edge.meridian-voice.example",
				5061, Transport.TLS, List.of(), "Failover SIP edge, Paris"), actor);
		records.addContract(meridian.getId(), new ContractDraft("Backup trunking agreement", today.minusYears(1),
				today.plusYears(1), 30, false, SignallingClause.TLS_1_3, MediaClause.SRTP), null, actor);
		records.addDocument(meridian.getId(),
				new DocumentDraft(DocumentKind.DPA, "DPA (GDPR)", today.minusYears(1), today.plusYears(2)),
				pdf("meridian-dpa.pdf", "Meridian DPA"), actor);
		records.recordSocReport(meridian.getId(),
				new SocReportDraft(SocType.SOC_2, ReportType.TYPE_II, List.of("Security", "Confidentiality"),
						today.minusMonths(17), today.minusMonths(5), today.minusMonths(4), "Calder & Finch LLP",
						Opinion.UNQUALIFIED, null, List.of(), List.of(), List.of(), null, null),
				pdf("meridian-soc2-type2.pdf", "Meridian SOC 2 Type II"), null, actor);
		reviews.start(meridian.getId(), "compliance-lead");
	}

	/** A small real PDF standing in for a signed document. */
	private StoredFileId pdf(String name, String title) {
		return files.store(DemoDocuments.pdf(title), FileUpload.document(name, DemoDataLoader.ACTOR, 100_000)).getId();
	}

}
