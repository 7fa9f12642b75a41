package io.trunkguard.trace;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

/**
 * Stores an analysis result as data: the legs, findings and certificates of the capture
 * and its full JSON report, replacing an earlier attempt's.
 *
 * <p>
 * The rows are new (random ids), so they are persisted, not saved: a repository's
 * {@code save} of an entity with an id merges it, which reads the row first, and each
 * read flushes and dirty-checks every row already written. For a busy capture (1,326 legs
 * and 1,688 findings on the bench) that was quadratic and took minutes.
 */
@Component
class CaptureResults {

	private final CaptureLegs legs;

	private final CaptureFindings findings;

	private final CaptureCertificates certificates;

	private final CaptureJsonReports reports;

	private final EntityManager entities;

	CaptureResults(CaptureLegs legs, CaptureFindings findings, CaptureCertificates certificates,
			CaptureJsonReports reports, EntityManager entities) {
		this.entities = entities;
		this.legs = legs;
		this.findings = findings;
		this.certificates = certificates;
		this.reports = reports;
	}

	void replace(Capture capture, AnalysisResult result) {
		CaptureId id = capture.getId();
		legs.deleteByCapture(id);
		findings.deleteByCapture(id);
		certificates.deleteByCapture(id);
		for (AnalysisResult.LegFacts leg : result.legs()) {
			entities.persist(new CaptureLeg(id, leg));
		}
		for (AnalysisResult.FindingFacts finding : result.findings()) {
			entities.persist(new CaptureFinding(id, finding));
		}
		for (AnalysisResult.CertificateFacts certificate : result.certificates()) {
			entities.persist(new CaptureCertificate(id, certificate));
		}
		reports.findById(id)
			.ifPresentOrElse(report -> report.replace(result.reportJson()),
					() -> reports.save(new CaptureReport(id, result.reportJson())));
	}

}
