package io.trunkguard.review.web;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.web.StoredFileResponses;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignReportArchive;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.CampaignStatus;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewReport;
import io.trunkguard.review.reports.CampaignReports;

/**
 * Campaign report downloads for compliance leads, auditors and admins: the stored
 * evidence (with its SHA-256 in a header) once the campaign is signed off, otherwise a
 * draft streamed as it is generated.
 */
@Controller
class ReviewReportDownloads {

	private final CampaignQueryService queries;

	private final CampaignReportArchive archive;

	private final CampaignReports reports;

	private final FileStore files;

	ReviewReportDownloads(CampaignQueryService queries, CampaignReportArchive archive, CampaignReports reports,
			FileStore files) {
		this.files = files;
		this.queries = queries;
		this.archive = archive;
		this.reports = reports;
	}

	@GetMapping("/reviews/{id}/report.pdf")
	ResponseEntity<StreamingResponseBody> pdf(@PathVariable CampaignId id, Authentication user) {
		return download(id, ReviewReport.Format.PDF, user);
	}

	@GetMapping("/reviews/{id}/report.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@PathVariable CampaignId id, Authentication user) {
		return download(id, ReviewReport.Format.XLSX, user);
	}

	private ResponseEntity<StreamingResponseBody> download(CampaignId id, ReviewReport.Format format,
			Authentication user) {
		ReviewAccess.requireOversight(user);
		ReviewCampaign campaign = queries.get(id);
		Optional<ReviewReport> stored = campaign.getStatus() == CampaignStatus.SIGNED_OFF ? archive.latest(id, format)
				: Optional.empty();
		if (stored.isPresent()) {
			return StoredFileResponses.attachment(files, stored.get().getFile());
		}
		String name = "access-review-" + campaign.getPeriod() + "-" + id.toString().substring(0, 8) + "-draft."
				+ format.extension();
		StreamingResponseBody body = format == ReviewReport.Format.PDF ? out -> reports.writePdf(id, out)
				: out -> reports.writeXlsx(id, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
			.body(body);
	}

	private static String attachment(String fileName) {
		return ContentDisposition.attachment().filename(fileName).build().toString();
	}

}
