package io.trunkguard.review.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignReportArchive;
import io.trunkguard.review.CampaignReportRequested;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.RemediationService;
import io.trunkguard.review.ReviewItem;
import io.trunkguard.review.ReviewItems;
import io.trunkguard.review.ReviewReport;

/**
 * Writes a campaign's report as PDF or XLSX (streaming its items page by page), and, when
 * a signed-off campaign asks for its report, generates both and keeps them as evidence.
 * The listener runs after the sign-off commits, through Spring Modulith's publication
 * registry: if it fails it is retried, not lost.
 */
@Service
public class CampaignReports {

	static final int PAGE = 2000;

	private final CampaignQueryService queries;

	private final RemediationService remediation;

	private final ReviewItems items;

	private final CampaignReportArchive archive;

	private final Clock clock;

	CampaignReports(CampaignQueryService queries, RemediationService remediation, ReviewItems items,
			CampaignReportArchive archive, ObjectProvider<Clock> clock) {
		this.queries = queries;
		this.remediation = remediation;
		this.items = items;
		this.archive = archive;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public void writePdf(CampaignId id, OutputStream out) {
		CampaignPdfWriter.write(data(id), out);
	}

	public void writeXlsx(CampaignId id, OutputStream out) {
		try {
			CampaignXlsxWriter.write(data(id), out);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the XLSX report of campaign " + id, e);
		}
	}

	@ApplicationModuleListener
	void on(CampaignReportRequested event) {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		writePdf(event.campaignId(), pdf);
		archive.store(event.campaignId(), ReviewReport.Format.PDF, pdf.toByteArray());
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		writeXlsx(event.campaignId(), xlsx);
		archive.store(event.campaignId(), ReviewReport.Format.XLSX, xlsx.toByteArray());
	}

	private CampaignReportData data(CampaignId id) {
		return new CampaignReportData(queries.get(id), queries.progressBySystem(id), queries.progressByReviewer(id),
				consumer -> {
					Sort order = Sort.by("systemName", "personName", "entitlement", "id");
					Page<ReviewItem> page = items.findByCampaignId(id, PageRequest.of(0, PAGE, order));
					page.forEach(consumer);
					while (page.hasNext()) {
						page = items.findByCampaignId(id, page.nextPageable());
						page.forEach(consumer);
					}
				}, clock.instant(),
				remediation.proofsOfCampaign(id)
					.stream()
					.map(p -> new CampaignReportData.ProofFile(p.getItemId(), p.getFileName(), p.getContentType(),
							p.getSizeBytes(), p.getSha256(), p.getUploadedBy(), p.getUploadedAt()))
					.toList());
	}

}
