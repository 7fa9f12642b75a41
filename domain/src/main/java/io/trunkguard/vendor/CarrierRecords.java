package io.trunkguard.vendor;

import io.trunkguard.evidence.StoredFileId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A carrier's contracts (with the encryption clause), signed documents (DPA, BAA, bridge
 * letters) and SOC report reviews, and the coverage check of its reports against our
 * audit period. Files are stored through the evidence module first and referenced by id.
 * Every addition is audited. Errors: {@link io.trunkguard.shared.NotFoundException},
 * {@link jakarta.validation.ConstraintViolationException}.
 */
public interface CarrierRecords {

	CarrierContract addContract(@NotNull VendorId vendorId, @Valid @NotNull ContractDraft draft, StoredFileId fileId,
			@NotBlank String actor);

	List<CarrierContract> contractsOf(@NotNull VendorId vendorId);

	/** The contract in force today with the newest start, if any. */
	Optional<CarrierContract> contractInForce(@NotNull VendorId vendorId, @NotNull LocalDate day);

	CarrierDocument addDocument(@NotNull VendorId vendorId, @Valid @NotNull DocumentDraft draft,
			@NotNull StoredFileId fileId, @NotBlank String actor);

	List<CarrierDocument> documentsOf(@NotNull VendorId vendorId);

	Optional<CarrierDocument> document(@NotNull UUID documentId);

	SocReport recordSocReport(@NotNull VendorId vendorId, @Valid @NotNull SocReportDraft draft,
			StoredFileId reportFileId, StoredFileId bridgeFileId, @NotBlank String actor);

	List<SocReport> socReportsOf(@NotNull VendorId vendorId);

	SocReport socReport(@NotNull UUID reportId);

	/** The newest report of every carrier that has one, by carrier. */
	Map<VendorId, SocReport> latestSocReports();

	/** Our audit period as configured (or the current calendar year). */
	AuditPeriod auditPeriod();

	/** The coverage check of the carrier's newest report on {@code asOf}. */
	ReportCoverage coverage(@NotNull VendorId vendorId, @NotNull LocalDate asOf);

	/** The coverage check of one report. */
	ReportCoverage coverage(@NotNull SocReport report, @NotNull LocalDate asOf);

	/** Every contract, by carrier (for the board and the expiry watch). */
	Map<VendorId, List<CarrierContract>> allContracts();

	/** Every signed document, by carrier (for the board and the expiry watch). */
	Map<VendorId, List<CarrierDocument>> allDocuments();

}
