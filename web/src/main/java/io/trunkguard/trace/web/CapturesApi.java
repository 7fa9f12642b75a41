package io.trunkguard.trace.web;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.trace.Capture;
import io.trunkguard.trace.CaptureId;
import io.trunkguard.trace.CaptureReceipt;
import io.trunkguard.trace.CaptureService;
import io.trunkguard.trace.CaptureStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;

/**
 * The capture API for automation (an SBC or a cron job pushing a nightly capture):
 * {@code POST /api/captures} takes a multipart upload ({@code file}, optional
 * {@code vendorId}, {@code label}, {@code keylog}, {@code internal} repeated), streamed
 * to disk, and answers 202 with the new capture's location; {@code GET
 * /api/captures/{id}} answers its status, progress and, once analysed, the report.
 */
@RestController
class CapturesApi {

	private final CaptureIntake intake;

	private final CaptureService captures;

	private final CaptureCarriers carriers;

	CapturesApi(CaptureIntake intake, CaptureService captures, CaptureCarriers carriers) {
		this.intake = intake;
		this.captures = captures;
		this.carriers = carriers;
	}

	@PostMapping(path = "/api/captures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<CaptureAccepted> upload(HttpServletRequest request, Authentication user) throws IOException {
		if (intake.tooLarge(request.getContentLengthLong())) {
			throw tooLarge();
		}
		CaptureReceipt receipt;
		try {
			StreamedCaptureUpload upload = StreamedCaptureUpload.read(request, intake, user.getName());
			try {
				receipt = intake.receive(upload.capture(), upload.keyLog(), upload.fields(), user.getName());
			}
			catch (RuntimeException e) {
				upload.withdraw("the upload was not accepted");
				throw e;
			}
			if (receipt.duplicate()) {
				upload.withdraw("the same bytes were uploaded before, as capture " + receipt.capture().getId());
			}
		}
		catch (InvalidInputException e) {
			if ("file.too-large".equals(e.code())) {
				throw tooLarge();
			}
			throw e;
		}
		Capture capture = receipt.capture();
		URI location = URI.create("/api/captures/" + capture.getId());
		return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.location(location)
			.body(new CaptureAccepted(capture.getId().toString(), capture.getStatus().name(), receipt.duplicate()));
	}

	@GetMapping("/api/captures/{id}")
	CaptureResponse get(@PathVariable CaptureId id) {
		Capture capture = captures.get(id);
		String report = capture.getStatus() == CaptureStatus.DONE ? captures.reportJson(id).orElse(null) : null;
		return CaptureResponse.of(capture, carriers.of(capture), report);
	}

	private ErrorResponseException tooLarge() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"The capture is larger than the limit of " + CapturePages.size(intake.maxCaptureBytes())
						+ "; split it (e.g. editcap -c) or ask an admin to raise trunkguard.trace.max-capture-size.");
		problem.setTitle("Capture too large");
		problem.setType(URI.create("https://trunkguard.io/problems/capture.too-large"));
		return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
	}

}
