package io.trunkguard.trace.web;

import io.trunkguard.trace.CallPathDiagrams;
import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.trace.diagram.CallPathDiagram;
import io.trunkguard.trace.diagram.CallPathPng;
import io.trunkguard.trace.diagram.CallPathSvg;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The call-path encryption diagrams (CC6.7) of a capture and of a carrier, as SVG and PNG
 * files to put in an auditor's folder.
 */
@Controller
class CallPathDownloads {

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final CallPathDiagrams diagrams;

	private final CaptureService captures;

	private final VendorService vendors;

	CallPathDownloads(CallPathDiagrams diagrams, CaptureService captures, VendorService vendors) {
		this.diagrams = diagrams;
		this.captures = captures;
		this.vendors = vendors;
	}

	@GetMapping("/captures/{id}/call-path.svg")
	ResponseEntity<byte[]> captureSvg(@PathVariable CaptureId id) {
		return svg(diagrams.ofCapture(id), captureName(id));
	}

	@GetMapping("/captures/{id}/call-path.png")
	ResponseEntity<byte[]> capturePng(@PathVariable CaptureId id) {
		return png(diagrams.ofCapture(id), captureName(id));
	}

	@GetMapping("/vendors/{id}/call-path.svg")
	ResponseEntity<byte[]> carrierSvg(@PathVariable VendorId id) {
		return svg(diagrams.ofCarrier(id), carrierName(id));
	}

	@GetMapping("/vendors/{id}/call-path.png")
	ResponseEntity<byte[]> carrierPng(@PathVariable VendorId id) {
		return png(diagrams.ofCarrier(id), carrierName(id));
	}

	private String captureName(CaptureId id) {
		Capture capture = captures.get(id);
		return capture.getFileName().replaceAll("\\.(pcapng|pcap|cap)(\\.gz)?$", "") + "-call-path";
	}

	private String carrierName(VendorId id) {
		String name = vendors.get(id).getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		return (name.isBlank() ? "carrier" : name) + "-call-path";
	}

	private static ResponseEntity<byte[]> svg(CallPathDiagram diagram, String name) {
		return file(CallPathSvg.render(diagram, "call-path").getBytes(StandardCharsets.UTF_8), SVG, name + ".svg");
	}

	private static ResponseEntity<byte[]> png(CallPathDiagram diagram, String name) {
		return file(CallPathPng.render(diagram, 2), MediaType.IMAGE_PNG, name + ".png");
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.contentType(type)
			.body(body);
	}

}
