package io.trunkguard.vendorreview.web;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.Cuec;
import io.trunkguard.vendor.SocException;
import io.trunkguard.vendor.SocReport;
import io.trunkguard.vendor.SocReportDraft;
import io.trunkguard.vendor.SocReportFacts;
import io.trunkguard.vendor.Subservice;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.vendorreview.CarrierReview;
import io.trunkguard.vendorreview.CarrierReviewService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The structured SOC report review form: type, period, opinion, exceptions with our
 * assessment, CUECs mapped to our controls, subservice organisations and the bridge
 * letter, with the report and letter files. When the carrier's annual review waits for
 * its report review, saving the form completes that step.
 */
@Controller
class SocReportPages {

	static final int EXCEPTION_ROWS = 4;

	static final int CUEC_ROWS = 4;

	static final int SUBSERVICE_ROWS = 3;

	static final List<String> CATEGORIES = List.of("Security", "Availability", "Processing integrity",
			"Confidentiality", "Privacy");

	private final VendorService vendors;

	private final CarrierRecords records;

	private final CarrierReviewService reviews;

	private final FileStore files;

	private final TransactionTemplate transaction;

	SocReportPages(VendorService vendors, CarrierRecords records, CarrierReviewService reviews, FileStore files,
			TransactionTemplate transaction) {
		this.vendors = vendors;
		this.records = records;
		this.reviews = reviews;
		this.files = files;
		this.transaction = transaction;
	}

	@GetMapping("/vendors/{id}/soc-reports/new")
	String form(@PathVariable VendorId id, Model model) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("socType", "SOC_2");
		form.add("reportType", "TYPE_II");
		form.add("opinion", "UNQUALIFIED");
		form.addAll("categories", List.of("Security"));
		return page(vendors.get(id), form, null, model);
	}

	@PostMapping("/vendors/{id}/soc-reports")
	String save(@PathVariable VendorId id, @RequestParam MultiValueMap<String, String> form,
			@RequestParam(required = false) MultipartFile reportFile,
			@RequestParam(required = false) MultipartFile bridgeFile, Authentication user, Model model,
			RedirectAttributes redirect) {
		Vendor vendor = vendors.get(id);
		try {
			SocReportDraft draft = draft(form);
			String message = transaction.execute(status -> {
				StoredFileId report = store(reportFile, user);
				StoredFileId bridge = store(bridgeFile, user);
				SocReport saved = records.recordSocReport(id, draft, report, bridge, user.getName());
				CarrierReview review = reviews.inProgress(id).orElse(null);
				String coverage = records.coverage(saved, LocalDate.now(java.time.ZoneOffset.UTC)).summary();
				if (review != null && review.getStep() == io.trunkguard.vendorreview.ReviewStep.SOC_REPORT_REVIEW) {
					reviews.reviewSocReport(review.getId(), saved.getId(), user.getName());
					return "The SOC report review was recorded and the annual review moved on to the decision. "
							+ coverage;
				}
				return "The SOC report review was recorded. " + coverage;
			});
			redirect.addFlashAttribute("message", message);
			return "redirect:/vendors/" + id + "#reports";
		}
		catch (RuntimeException refusal) {
			return page(vendor, form, Refusals.sentence(refusal), model);
		}
	}

	private String page(Vendor vendor, MultiValueMap<String, String> form, String error, Model model) {
		model.addAttribute("vendor", vendor);
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("socTypes", SocReportFacts.SocType.values());
		model.addAttribute("reportTypes", SocReportFacts.ReportType.values());
		model.addAttribute("opinions", SocReportFacts.Opinion.values());
		model.addAttribute("assessments", SocReportFacts.ExceptionAssessment.values());
		model.addAttribute("cuecStatuses", SocReportFacts.CuecStatus.values());
		model.addAttribute("methods", SocReportFacts.InclusionMethod.values());
		model.addAttribute("categories", CATEGORIES);
		model.addAttribute("exceptionRows", rows(EXCEPTION_ROWS));
		model.addAttribute("cuecRows", rows(CUEC_ROWS));
		model.addAttribute("subserviceRows", rows(SUBSERVICE_ROWS));
		model.addAttribute("auditPeriod", records.auditPeriod());
		model.addAttribute("review", reviews.inProgress(vendor.getId()).orElse(null));
		return "vendors/soc-report";
	}

	private static List<Integer> rows(int n) {
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			rows.add(i);
		}
		return rows;
	}

	static SocReportDraft draft(MultiValueMap<String, String> form) {
		List<SocException> exceptions = new ArrayList<>();
		for (int i = 0; i < EXCEPTION_ROWS; i++) {
			String ref = at(form, "excRef", i);
			String description = at(form, "excDescription", i);
			if (ref == null && description == null) {
				continue;
			}
			exceptions.add(new SocException(ref, description, at(form, "excResponse", i),
					enumOf(SocReportFacts.ExceptionAssessment.class, at(form, "excAssessment", i),
							"exception " + (i + 1) + " assessment")));
		}
		List<Cuec> cuecs = new ArrayList<>();
		for (int i = 0; i < CUEC_ROWS; i++) {
			String description = at(form, "cuecDescription", i);
			if (description == null) {
				continue;
			}
			cuecs.add(new Cuec(description, at(form, "cuecControl", i), at(form, "cuecOwner", i),
					enumOf(SocReportFacts.CuecStatus.class, at(form, "cuecStatus", i), "CUEC " + (i + 1) + " status")));
		}
		List<Subservice> subservices = new ArrayList<>();
		for (int i = 0; i < SUBSERVICE_ROWS; i++) {
			String name = at(form, "subName", i);
			if (name == null) {
				continue;
			}
			subservices.add(new Subservice(name,
					enumOf(SocReportFacts.InclusionMethod.class, at(form, "subMethod", i), "subservice method"),
					"yes".equals(at(form, "subHeld", i))));
		}
		return new SocReportDraft(
				enumOf(SocReportFacts.SocType.class, form.getFirst("socType"), "report kind (SOC 1, 2 or 3)"),
				enumOf(SocReportFacts.ReportType.class, form.getFirst("reportType"), "type (I or II)"),
				form.getOrDefault("categories", List.of()), date(form, "periodStart"), date(form, "periodEnd"),
				date(form, "issuedOn"), blank(form.getFirst("auditorFirm")),
				enumOf(SocReportFacts.Opinion.class, form.getFirst("opinion"), "opinion"),
				blank(form.getFirst("qualification")), exceptions, cuecs, subservices, date(form, "bridgeFrom"),
				date(form, "bridgeTo"));
	}

	private static String at(MultiValueMap<String, String> form, String key, int i) {
		List<String> values = form.get(key);
		return values == null || i >= values.size() ? null : blank(values.get(i));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static LocalDate date(MultiValueMap<String, String> form, String key) {
		String value = blank(form.getFirst(key));
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("soc-report.date", "\"" + value + "\" is not a date (YYYY-MM-DD)",
					Map.of(key, "not a date"));
		}
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String what) {
		if (value == null) {
			throw new InvalidInputException("soc-report.missing", "choose the " + what);
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("soc-report.invalid", "choose the " + what + " from the list");
		}
	}

	private StoredFileId store(MultipartFile file, Authentication user) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try (InputStream in = file.getInputStream()) {
			return files
				.store(in, FileUpload.document(file.getOriginalFilename(), user.getName(), CarrierPages.MAX_DOCUMENT))
				.getId();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
