package io.trunkguard.trace;

import org.springframework.stereotype.Component;

/**
 * Stores an analysis result as data: the legs, findings and certificates of the capture
 * and its full JSON report, replacing an earlier attempt's.
 */
@Component
class CaptureResults {

	private final CaptureLegs legs;

	private final CaptureFindings findings;

	private final CaptureCertificates certificates;

	private final CaptureJsonReports reports;

	CaptureResults(CaptureLegs legs, CaptureFindings findings, CaptureCertificates certificates,
			CaptureJsonReports reports) {
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
			legs.save(new CaptureLeg(id, leg));
		}
		for (AnalysisResult.FindingFacts finding : result.findings()) {
			findings.save(new CaptureFinding(id, finding));
		}
		for (AnalysisResult.CertificateFacts certificate : result.certificates()) {
			certificates.save(new CaptureCertificate(id, certificate));
		}
		reports.findById(id)
			.ifPresentOrElse(report -> report.replace(result.reportJson()),
					() -> reports.save(new CaptureReport(id, result.reportJson())));
	}

}
