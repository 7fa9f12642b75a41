package io.trunkguard.deprovisioning.web;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.web.StoredFileResponses;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import io.trunkguard.deprovisioning.DeprovisioningLogArchive;
import io.trunkguard.deprovisioning.DeprovisioningLogFile;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import io.trunkguard.deprovisioning.reports.DeprovisioningLogReports;
import io.trunkguard.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The deprovisioning log of a period: generated on request as XLSX or PDF (readers,
 * auditors included), stored as CC6.1 evidence by a compliance lead or admin, and the
 * stored files downloaded with their SHA-256 in a header.
 */
@Controller
class DeprovisioningLogDownloads {

	private final DeprovisioningLogReports reports;

	private final DeprovisioningLogArchive archive;

	private final Clock clock;

	private final FileStore files;

	DeprovisioningLogDownloads(DeprovisioningLogReports reports, DeprovisioningLogArchive archive, FileStore files,
			ObjectProvider<Clock> clock) {
		this.files = files;
		this.reports = reports;
		this.archive = archive;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/deprovisioning/log.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return generated(from, to, DeprovisioningLogFile.Format.XLSX, reports::writeXlsx);
	}

	@GetMapping("/deprovisioning/log.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return generated(from, to, DeprovisioningLogFile.Format.PDF, reports::writePdf);
	}

	private ResponseEntity<byte[]> generated(String from, String to, DeprovisioningLogFile.Format format,
			BiConsumer<DeprovisioningPeriod, ByteArrayOutputStream> writer) {
		DeprovisioningPeriod period;
		try {
			period = DeprovisioningPages.period(from, to, clock);
		}
		catch (InvalidInputException e) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST)
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(e.getMessage().getBytes(StandardCharsets.UTF_8));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.accept(period, out);
		return file(DeprovisioningLogFile.fileName(period, format), format.contentType(), out.toByteArray(), null);
	}

	@PostMapping("/deprovisioning/evidence")
	String store(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication user, RedirectAttributes redirect) {
		DeprovisioningPeriod period;
		try {
			period = DeprovisioningPages.period(from, to, clock);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("message", "Nothing stored: " + e.getMessage());
			return "redirect:/deprovisioning";
		}
		List<DeprovisioningLogFile> stored = reports.storeAsEvidence(period, user.getName());
		redirect.addFlashAttribute("message",
				"Stored as CC6.1 evidence: " + String.join(", ",
						stored.stream()
							.map(f -> f.getFileName() + " (SHA-256 " + f.getSha256().substring(0, 12) + "…)")
							.toList()));
		redirect.addAttribute("from", period.from());
		redirect.addAttribute("to", period.to());
		return "redirect:/deprovisioning";
	}

	@GetMapping("/deprovisioning/evidence/{id}")
	ResponseEntity<StreamingResponseBody> stored(@PathVariable("id") UUID uuid) {
		DeprovisioningLogFile file = archive.get(uuid);
		return StoredFileResponses.attachment(files, file.getFile());
	}

	private static ResponseEntity<byte[]> file(String name, String contentType, byte[] content, String sha256) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
		if (sha256 != null) {
			response.header("X-Content-SHA256", sha256);
		}
		return response.body(content);
	}

}
