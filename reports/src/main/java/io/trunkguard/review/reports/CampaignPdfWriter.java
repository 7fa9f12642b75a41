package io.trunkguard.review.reports;

import io.trunkguard.shared.Labels;

import io.trunkguard.reports.PdfPages;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import io.trunkguard.review.Closure;
import io.trunkguard.review.Decision;
import io.trunkguard.review.ProgressRow;
import io.trunkguard.review.RemediationStatus;
import io.trunkguard.review.ReviewCampaign;
import io.trunkguard.review.ReviewItem;

import static io.trunkguard.reports.PdfBlocks.*;

/**
 * The PDF campaign report an auditor reads: the scope frozen at start (per system), the
 * reviewers, every decision that revoked, reduced or kept privileged access with its
 * justification and time, revocations with their remediation proof and time, what
 * happened to unanswered items, and the sign-off. Every item with every field is in the
 * XLSX.
 */
final class CampaignPdfWriter {

	private CampaignPdfWriter() {
	}

	static void write(CampaignReportData data, OutputStream out) {
		List<ReviewItem> sensitive = new ArrayList<>();
		List<ReviewItem> remediation = new ArrayList<>();
		List<ReviewItem> unanswered = new ArrayList<>();
		data.items().forEach(item -> {
			if (item.getDecision() != null && (item.getDecision() != Decision.KEEP || item.isPrivileged())
					&& item.getClosure() == Closure.REVIEWED) {
				sensitive.add(item);
			}
			if (item.getRemediationStatus() != RemediationStatus.NOT_REQUIRED) {
				remediation.add(item);
			}
			if (item.getClosure() == Closure.REVOKED_UNANSWERED || item.getClosure() == Closure.CARRIED_OVER) {
				unanswered.add(item);
			}
		});
		ReviewCampaign c = data.campaign();
		Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
		boolean draft = c.getStatus() != io.trunkguard.review.CampaignStatus.SIGNED_OFF;
		PdfPages.writer(document, out, data.generatedAt(),
				draft ? "DRAFT: campaign " + c.getName() + " is not signed off; this is not evidence yet" : null);
		document.addTitle((draft ? "DRAFT " : "") + "Access review report: " + c.getName());
		document.addSubject("SOC 2 CC6.1 quarterly access review");
		document.addCreator("Trunkguard");
		document.open();
		document.add(new Paragraph(draft ? "DRAFT access review report" : "Access review report", TITLE));
		document.add(new Paragraph(c.getName() + " · " + c.getPeriod() + " · SOC 2 CC6.1", HEADING));
		document.add(Chunk.NEWLINE);

		PdfPTable facts = table(new float[] { 1, 3 });
		fact(facts, "Status", Labels.capitalisedLabel(c.getStatus()));
		fact(facts, "Started", CampaignXlsxWriter.time(c.getStartedAt()) + " by " + c.getStartedBy());
		fact(facts, "Deadline", CampaignXlsxWriter.time(c.getDeadline()));
		fact(facts, "Unanswered items", c.getUnansweredRule().name().equals("REVOKE") ? "revoked at close-out"
				: "carried over to the next campaign");
		fact(facts, "Reviews ended", CampaignXlsxWriter.time(c.getReviewsEndedAt()));
		fact(facts, "Closed", c.getClosedAt() == null ? "not yet"
				: CampaignXlsxWriter.time(c.getClosedAt()) + " by " + c.getClosedBy());
		fact(facts, "Signed off", c.getSignedOffAt() == null ? "not yet" : CampaignXlsxWriter.time(c.getSignedOffAt())
				+ " by " + c.getSignedOffBy() + (c.getSignOffNote() == null ? "" : " (" + c.getSignOffNote() + ")"));
		fact(facts, "Items frozen at start", String.valueOf(c.getItemCount()));
		fact(facts, "Report generated", CampaignXlsxWriter.time(data.generatedAt()));
		document.add(facts);

		section(document, "Progress");
		ProgressBars.add(document, "Per reviewer", data.byReviewer());
		ProgressBars.add(document, "Per system", data.bySystem());

		section(document, "Scope frozen at start, per system");
		PdfPTable scope = table(new float[] { 4, 1, 1, 1, 1 }, "System", "Items", "Decided", "Settled",
				"Pending remediation");
		for (ProgressRow row : data.bySystem()) {
			cells(scope, row.key(), n(row.items()), n(row.decided()), n(row.settled()), n(row.pendingRemediation()));
		}
		document.add(scope);

		section(document, "Reviewers");
		PdfPTable reviewers = table(new float[] { 4, 1, 1, 1 }, "Reviewer", "Items", "Decided", "Submitted or settled");
		for (ProgressRow row : data.byReviewer()) {
			cells(reviewers, row.key(), n(row.items()), n(row.decided()), n(row.settled()));
		}
		document.add(reviewers);

		section(document, "Decisions that revoke, reduce or keep privileged access (" + sensitive.size() + ")");
		PdfPTable decisions = table(new float[] { 2, 2, 1.5f, 1.3f, 3.5f, 1.3f, 1.6f }, "Person", "System", "Role",
				"Decision", "Justification", "Decided by", "Decided at");
		for (ReviewItem i : sensitive) {
			cells(decisions, i.getPersonName(), i.getSystemName(),
					i.getEntitlement() + (i.isPrivileged() ? " (privileged)" : ""),
					Labels.capitalisedLabel(i.getDecision())
							+ (i.getReducedTo() == null ? "" : " to " + i.getReducedTo()),
					i.getJustification(), i.getDecidedBy(), CampaignXlsxWriter.time(i.getDecidedAt()));
		}
		empty(decisions, sensitive.isEmpty(), 7, "Every reviewed item kept non-privileged access.");
		document.add(decisions);

		section(document, "Revocations and their remediation (" + remediation.size() + ")");
		PdfPTable remediated = table(new float[] { 2, 2, 1.5f, 1.3f, 3.5f, 1.3f, 1.6f }, "Person", "System", "Role",
				"Status", "Proof", "By", "At");
		for (ReviewItem i : remediation) {
			cells(remediated, i.getPersonName(), i.getSystemName(), i.getEntitlement(),
					Labels.capitalisedLabel(i.getRemediationStatus()), i.getRemediationNote(), i.getRemediatedBy(),
					CampaignXlsxWriter.time(i.getRemediatedAt()));
		}
		empty(remediated, remediation.isEmpty(), 7, "No access was revoked or reduced.");
		document.add(remediated);

		if (!data.proofs().isEmpty()) {
			java.util.Map<io.trunkguard.review.ReviewItemId, ReviewItem> byId = new java.util.HashMap<>();
			remediation.forEach(i -> byId.put(i.getId(), i));
			section(document, "Remediation proof files (" + data.proofs().size() + ")");
			PdfPTable files = table(new float[] { 2, 2, 2.2f, 1.2f, 3.2f, 1.3f, 1.6f }, "Person", "System", "File",
					"Size", "SHA-256", "By", "At");
			for (CampaignReportData.ProofFile p : data.proofs()) {
				ReviewItem i = byId.get(p.itemId());
				cells(files, i == null ? "" : i.getPersonName(), i == null ? "" : i.getSystemName(),
						p.fileName() + " (" + p.contentType() + ")", p.sizeBytes() + " bytes", p.sha256(),
						p.uploadedBy(), CampaignXlsxWriter.time(p.uploadedAt()));
			}
			document.add(files);
		}

		section(document, "Unanswered items and what happened to them (" + unanswered.size() + ")");
		PdfPTable open = table(new float[] { 2, 2, 1.5f, 1.5f, 2 }, "Person", "System", "Role", "Reviewer", "Outcome");
		for (ReviewItem i : unanswered) {
			cells(open, i.getPersonName(), i.getSystemName(), i.getEntitlement(), i.getReviewerUsername(),
					i.getClosure() == Closure.REVOKED_UNANSWERED ? "revoked by the campaign's rule"
							: "carried over to the next campaign");
		}
		long undecided = data.bySystem().stream().mapToLong(row -> row.items() - row.settled()).sum();
		empty(open, unanswered.isEmpty(), 5,
				undecided > 0
						? undecided + " item(s) are not submitted yet; what happens to them is decided at close-out."
						: "Every item was answered by its reviewer.");
		document.add(open);

		section(document, "Sign-off");
		document.add(new Paragraph(c.getSignedOffAt() == null ? "The campaign is not signed off."
				: c.getSignedOffBy() + " signed the campaign off on " + CampaignXlsxWriter.time(c.getSignedOffAt())
						+ ", after every item was decided and every revocation remediated or explicitly accepted."
						+ " No lead may sign off a campaign in which they reviewed their own access.",
				BODY));
		document.close();
	}

	private static String n(long value) {
		return String.valueOf(value);
	}

}
