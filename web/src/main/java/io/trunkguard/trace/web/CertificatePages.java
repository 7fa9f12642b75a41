package io.trunkguard.trace.web;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.trace.CertificateWatch;
import io.trunkguard.trace.WatchedCertificate;
import io.trunkguard.trace.reports.CertificateExports;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The certificate watch page: certificates by expiry with where they were seen and their
 * renewal history; adding one by hand (PEM or DER); the auditor's export (XLSX or PDF,
 * per carrier or for all), kept as evidence when produced.
 */
@Controller
class CertificatePages {

	/** One certificate as the page shows it. */
	record Row(WatchedCertificate certificate, Long daysLeft, String where, List<CertificateWatch.Sighting> sightings,
			List<WatchedCertificate> history, WatchedCertificate renewedBy) {
	}

	private final CertificateWatch watch;

	private final CertificateExports exports;

	private final VendorService vendors;

	CertificatePages(CertificateWatch watch, CertificateExports exports, VendorService vendors) {
		this.watch = watch;
		this.exports = exports;
		this.vendors = vendors;
	}

	@GetMapping("/certificates")
	String list(Model model) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		model.addAttribute("rows",
				watch.all()
					.stream()
					.map(c -> new Row(c, c.daysLeft(today), watch.where(c), watch.sightings(c), watch.renewalHistory(c),
							watch.renewedBy(c).orElse(null)))
					.toList());
		model.addAttribute("vendors", vendors.all());
		return "certificates/list";
	}

	@PostMapping("/certificates")
	String add(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String vendorId,
			@RequestParam(defaultValue = "") String endpoint, Authentication user, RedirectAttributes redirect)
			throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("certificate.file-required", "Choose a certificate file (PEM or DER).",
						Map.of("file", "required"));
			}
			WatchedCertificate added = watch.addByHand(file.getBytes(), file.getOriginalFilename(), vendor(vendorId),
					endpoint.isBlank() ? null : endpoint, user.getName());
			redirect.addFlashAttribute("message", "The certificate " + added.getSubject() + " is on the watch list"
					+ (added.getRenewsId() == null ? "" : ", recorded as the renewal of the earlier one") + ".");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/certificates";
	}

	@PostMapping("/certificates/export")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String vendorId,
			@RequestParam(defaultValue = "XLSX") String format, Authentication user) {
		CertificateExports.Format chosen;
		try {
			chosen = CertificateExports.Format.valueOf(format);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("certificate.export-format", "Choose the workbook (XLSX) or PDF format.",
					Map.of("format", "XLSX or PDF"));
		}
		CertificateExports.Export export = exports.export(vendor(vendorId), chosen, user.getName());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(export.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(chosen == CertificateExports.Format.PDF ? MediaType.APPLICATION_PDF
					: MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(export.content());
	}

	private static VendorId vendor(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return VendorId.of(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("certificate.vendor", "Choose a carrier from the list.",
					Map.of("vendorId", "not a carrier"));
		}
	}

}
