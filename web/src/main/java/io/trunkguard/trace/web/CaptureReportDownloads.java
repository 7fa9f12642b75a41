package io.trunkguard.trace.web;

import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.trace.reports.CaptureReports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;

/** The capture's compliance report as PDF and XLSX, written as it is downloaded. */
@Controller
class CaptureReportDownloads {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CaptureService captures;

	private final CaptureReports reports;

	CaptureReportDownloads(CaptureService captures, CaptureReports reports) {
		this.captures = captures;
		this.reports = reports;
	}

	@GetMapping("/captures/{id}/report.pdf")
	ResponseEntity<StreamingResponseBody> pdf(@PathVariable CaptureId id) {
		Capture capture = captures.get(id);
		return download(capture, ".pdf", MediaType.APPLICATION_PDF, out -> reports.writePdf(id, out));
	}

	@GetMapping("/captures/{id}/report.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@PathVariable CaptureId id) {
		Capture capture = captures.get(id);
		return download(capture, ".xlsx", XLSX, out -> reports.writeXlsx(id, out));
	}

	private static ResponseEntity<StreamingResponseBody> download(Capture capture, String extension, MediaType type,
			StreamingResponseBody body) {
		String name = capture.getFileName().replaceAll("\\.(pcapng|pcap|cap)(\\.gz)?$", "") + "-compliance-report"
				+ extension;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.body(body);
	}

}
