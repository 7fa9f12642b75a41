package io.trunkguard.vendorreview.web;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.FileUpload;
import io.trunkguard.evidence.StoredFile;
import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.CarrierDocument;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.DocumentDraft;
import io.trunkguard.vendor.DocumentKind;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import io.trunkguard.web.StoredFileResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A carrier's signed documents (DPA, BAA, bridge letter, contract) with their files,
 * through the REST API: upload with the document's facts, download the stored file as an
 * attachment (never inline). Leads and admins upload; auditors read.
 */
@RestController
@RequestMapping("/api/vendors/{id}/documents")
class CarrierDocumentsApi {

	record StoredDocumentResponse(String id, String kind, String title, LocalDate validFrom, LocalDate validUntil,
			String fileId, String fileName, String contentType, long size, String sha256, String uploadedBy,
			Instant uploadedAt, String download) {

		static StoredDocumentResponse of(CarrierDocument d, StoredFile f) {
			return new StoredDocumentResponse(d.getId().toString(), d.getKind().name(), d.getTitle(), d.getValidFrom(),
					d.getValidUntil(), f.getId().toString(), f.getOriginalName(), f.getContentType(), f.getSizeBytes(),
					f.getSha256(), f.getUploadedBy(), f.getUploadedAt(),
					"/api/vendors/" + d.getVendorId() + "/documents/" + d.getId() + "/file");
		}
	}

	private final VendorService vendors;

	private final CarrierRecords records;

	private final FileStore files;

	private final long maxBytes;

	CarrierDocumentsApi(VendorService vendors, CarrierRecords records, FileStore files,
			ObjectProvider<MultipartProperties> multipart) {
		this.vendors = vendors;
		this.records = records;
		this.files = files;
		MultipartProperties properties = multipart.getIfAvailable();
		long servletLimit = properties == null || properties.getMaxFileSize() == null ? Long.MAX_VALUE
				: properties.getMaxFileSize().toBytes();
		this.maxBytes = Math.min(CarrierPages.MAX_DOCUMENT, servletLimit);
	}

	@Operation(summary = "Upload a signed document with its file",
			description = "Multipart: file, kind (DPA, BAA, BRIDGE_LETTER, CONTRACT, OTHER), title, validFrom and "
					+ "validUntil (ISO 8601 dates). The file is stored with its SHA-256 and the content type sniffed "
					+ "from its bytes (PDF, images, office documents, text).",
			responses = { @ApiResponse(responseCode = "201", description = "Stored"),
					@ApiResponse(responseCode = "400",
							description = "Missing or invalid field, or a file type not accepted"),
					@ApiResponse(responseCode = "413", description = "The file is larger than the limit") })
	@PostMapping
	ResponseEntity<StoredDocumentResponse> upload(@PathVariable VendorId id,
			@RequestPart(required = false) MultipartFile file, @RequestParam DocumentKind kind,
			@RequestParam String title, @RequestParam LocalDate validFrom,
			@RequestParam(required = false) LocalDate validUntil, Authentication user) {
		vendors.get(id);
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("document.file-required", "attach the signed document's file");
		}
		if (file.getSize() > maxBytes) {
			throw tooLarge();
		}
		StoredFile stored;
		try (InputStream in = file.getInputStream()) {
			stored = files.store(in, FileUpload.document(file.getOriginalFilename(), user.getName(), maxBytes));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InvalidInputException e) {
			if ("file.too-large".equals(e.code())) {
				throw tooLarge();
			}
			throw e;
		}
		CarrierDocument document = records.addDocument(id, new DocumentDraft(kind, title, validFrom, validUntil),
				stored.getId(), user.getName());
		return ResponseEntity.created(URI.create("/api/vendors/" + id + "/documents/" + document.getId()))
			.body(StoredDocumentResponse.of(document, stored));
	}

	@GetMapping("/{documentId}")
	StoredDocumentResponse get(@PathVariable VendorId id, @PathVariable UUID documentId) {
		CarrierDocument document = owned(id, documentId);
		return StoredDocumentResponse.of(document, files.get(document.getFileId()));
	}

	@Operation(summary = "Download a document's file",
			description = "As an attachment with the sniffed content type; never rendered inline.")
	@GetMapping("/{documentId}/file")
	ResponseEntity<StreamingResponseBody> download(@PathVariable VendorId id, @PathVariable UUID documentId) {
		CarrierDocument document = owned(id, documentId);
		if (document.getFileId() == null) {
			throw new NotFoundException("StoredFile", documentId);
		}
		return StoredFileResponses.attachment(files, files.get(document.getFileId()));
	}

	private CarrierDocument owned(VendorId id, UUID documentId) {
		return records.document(documentId)
			.filter(d -> d.getVendorId().equals(id))
			.orElseThrow(() -> new NotFoundException("CarrierDocument", documentId));
	}

	private ErrorResponseException tooLarge() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"The document is larger than the limit of " + (maxBytes / 1024 / 1024)
						+ " MB; ask the carrier for a smaller copy (e.g. without scanned images).");
		problem.setTitle("Document too large");
		problem.setType(URI.create("https://trunkguard.io/problems/document.too-large"));
		return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
	}

}
