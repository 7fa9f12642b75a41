package io.trunkguard.trace.web;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.evidence.FileNames;
import io.trunkguard.evidence.FileStore;
import io.trunkguard.web.StoredFileResponses;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.trace.CallPathDiagrams;
import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureLabel;
import io.trunkguard.trace.CaptureLeg;
import io.trunkguard.trace.CaptureReceipt;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.trace.TraceProperties;
import io.trunkguard.trace.CaptureStatus;
import io.trunkguard.trace.diagram.CallPathSvg;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Pages of captures: the list with the upload form, one capture with its progress, legs,
 * findings and certificates, its JSON report, and the raw file for leads and admins
 * (every download audited). The upload form posts to the streamed API with a progress
 * bar; without JavaScript it posts here, within the server-wide form limit.
 */
@Controller
class CapturePages {

	static final String RAW_DOWNLOADED = "CAPTURE_RAW_DOWNLOADED";

	private final CaptureService captures;

	private final CaptureIntake intake;

	private final CaptureCarriers carriers;

	private final VendorService vendors;

	private final FileStore files;

	private final AuditTrail trail;

	private final TraceProperties properties;

	private final CallPathDiagrams diagrams;

	CapturePages(CaptureService captures, CaptureIntake intake, CaptureCarriers carriers, VendorService vendors,
			FileStore files, AuditTrail trail, TraceProperties properties, CallPathDiagrams diagrams) {
		this.properties = properties;
		this.diagrams = diagrams;
		this.captures = captures;
		this.intake = intake;
		this.carriers = carriers;
		this.vendors = vendors;
		this.files = files;
		this.trail = trail;
	}

	@GetMapping("/captures")
	String list(@RequestParam(required = false) String refused, Model model) {
		model.addAttribute("captures", captures.recent());
		model.addAttribute("vendors", vendors.all());
		model.addAttribute("labels", CaptureLabel.values());
		model.addAttribute("maxSize", size(intake.maxCaptureBytes()));
		if (refused != null) {
			model.addAttribute("error",
					"The file is larger than a form without JavaScript can send; "
							+ "turn JavaScript on (the upload then streams, up to " + size(intake.maxCaptureBytes())
							+ ") or push it through the API.");
		}
		return "captures/list";
	}

	/**
	 * The form without JavaScript: a multipart file within the server-wide form limit.
	 */
	@PostMapping("/captures/upload")
	String upload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) MultipartFile keylog, @RequestParam(required = false) String label,
			@RequestParam(required = false) String vendorId, @RequestParam(required = false) List<String> internal,
			Authentication user, RedirectAttributes redirect) throws IOException {
		try {
			UploadFields fields = UploadFields.parse(label, vendorId, internal);
			StoredFile stored = null;
			if (file != null && !file.isEmpty()) {
				try (InputStream in = file.getInputStream()) {
					stored = intake.storeCapture(in, file.getOriginalFilename(), user.getName());
				}
			}
			StoredFile keyLog = null;
			if (keylog != null && !keylog.isEmpty()) {
				try (InputStream in = keylog.getInputStream()) {
					keyLog = intake.storeKeyLog(in, keylog.getOriginalFilename(), user.getName());
				}
			}
			CaptureReceipt receipt = intake.receive(stored, keyLog, fields, user.getName());
			redirect.addFlashAttribute("message",
					receipt.duplicate() ? "This file was uploaded before: here is its analysis."
							: receipt.capture().getFileName() + " was uploaded and is queued for analysis.");
			return "redirect:/captures/" + receipt.capture().getId();
		}
		catch (InvalidInputException refusal) {
			redirect.addFlashAttribute("error", refusal.getMessage());
			return vendorId == null || vendorId.isBlank() ? "redirect:/captures" : "redirect:/vendors/" + vendorId;
		}
	}

	@GetMapping("/captures/{id}")
	String detail(@PathVariable CaptureId id, Model model) {
		Capture capture = captures.get(id);
		List<CaptureLeg> legs = captures.legs(id)
			.stream()
			.sorted(Comparator.comparing((CaptureLeg leg) -> leg.getVerdict().ordinal())
				.reversed()
				.thenComparing(CaptureLeg::getFirstFrame))
			.toList();
		model.addAttribute("capture", capture);
		model.addAttribute("legs", legs);
		model.addAttribute("findings",
				captures.findings(id)
					.stream()
					.sorted(Comparator.comparing(f -> severityRank(f.getSeverity())))
					.toList());
		model.addAttribute("certificates", captures.certificates(id));
		List<CaptureResponse.CarrierRef> attached = carriers.of(capture);
		model.addAttribute("carriers", attached);
		model.addAttribute("carrierNames",
				attached.stream()
					.collect(java.util.stream.Collectors.toMap(CaptureResponse.CarrierRef::id,
							CaptureResponse.CarrierRef::name)));
		model.addAttribute("size", size(capture.getSizeBytes()));
		model.addAttribute("vendors", vendors.all());
		model.addAttribute("percent", Math.round(capture.progress() * 100));
		model.addAttribute("retention", properties.rawRetention());
		model.addAttribute("retentionDays", properties.rawRetention().toDays());
		if (capture.getStatus() == CaptureStatus.DONE) {
			model.addAttribute("callPathSvg", CallPathSvg.render(diagrams.ofCapture(id), "capture-call-path"));
		}
		return "captures/detail";
	}

	@GetMapping(path = "/captures/{id}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> reportJson(@PathVariable CaptureId id) {
		Capture capture = captures.get(id);
		String json = captures.reportJson(id).orElseThrow(() -> new NotFoundException("CaptureReport", id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(capture.getFileName() + ".json", StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json);
	}

	/**
	 * The raw capture: call audio and phone numbers, so leads and admins only, audited.
	 */
	@GetMapping("/captures/{id}/raw")
	ResponseEntity<StreamingResponseBody> raw(@PathVariable CaptureId id, Authentication user) {
		Capture capture = captures.get(id);
		if (capture.getRawFileId() == null) {
			throw new NotFoundException("CaptureFile", id);
		}
		StoredFile file = files.get(new StoredFileId(capture.getRawFileId()));
		trail.record(user.getName(), RAW_DOWNLOADED, "Capture", id.toString(),
				Map.of("fileName", capture.getFileName(), "sha256", capture.getSha256()));
		return StoredFileResponses.attachment(files, file);
	}

	/**
	 * "This is carrier X's trunk": the leg's endpoint joins the carrier's trunk
	 * endpoints.
	 */
	@PostMapping("/captures/{id}/legs/{legId}/carrier")
	String attachLeg(@PathVariable CaptureId id, @PathVariable String legId, @RequestParam String vendorId,
			@RequestParam(defaultValue = "B") String side, Authentication user, RedirectAttributes redirect) {
		try {
			VendorId vendor = VendorId.of(vendorId);
			List<CaptureLeg> attached = captures.attachLeg(id, legId, side, vendor, user.getName());
			redirect.addFlashAttribute("message", "The endpoint was added to " + vendors.get(vendor).getName()
					+ "'s trunk; " + attached.size() + " leg(s) of this capture are now attached to it.");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "Choose a carrier.");
		}
		catch (InvalidInputException | io.trunkguard.shared.InvalidStateException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/captures/" + id;
	}

	static int severityRank(String severity) {
		return switch (severity) {
			case "CRITICAL" -> 0;
			case "HIGH" -> 1;
			case "MEDIUM" -> 2;
			case "LOW" -> 3;
			default -> 4;
		};
	}

	static String size(long bytes) {
		return FileNames.size(bytes);
	}

}
