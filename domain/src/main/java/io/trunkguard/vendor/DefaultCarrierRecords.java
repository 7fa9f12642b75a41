package io.trunkguard.vendor;

import io.trunkguard.evidence.FileStore;
import io.trunkguard.evidence.StoredFileId;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
@Validated
@Transactional
class DefaultCarrierRecords implements CarrierRecords {

	private final Vendors vendors;

	private final CarrierContracts contracts;

	private final CarrierDocuments documents;

	private final SocReports reports;

	private final FileStore files;

	private final CarrierProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultCarrierRecords(Vendors vendors, CarrierContracts contracts, CarrierDocuments documents, SocReports reports,
			FileStore files, CarrierProperties properties, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.vendors = vendors;
		this.contracts = contracts;
		this.documents = documents;
		this.reports = reports;
		this.files = files;
		this.properties = properties;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public CarrierContract addContract(VendorId vendorId, ContractDraft draft, StoredFileId fileId, String actor) {
		requireVendor(vendorId);
		String sha = sha(fileId);
		CarrierContract contract = contracts.save(new CarrierContract(vendorId, draft, fileId, actor, now()));
		events.publishEvent(new CarrierRecordChanged(vendorId, "VENDOR_CONTRACT_ADDED", contract.getId(),
				contract.getTitle() + " from " + contract.getStartsOn() + ": " + contract.describeClause(), sha, actor,
				contract.getAddedAt()));
		return contract;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CarrierContract> contractsOf(VendorId vendorId) {
		return contracts.findByVendorIdOrderByStartsOnDesc(vendorId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CarrierContract> contractInForce(VendorId vendorId, LocalDate day) {
		return contractsOf(vendorId).stream().filter(c -> c.inForceOn(day)).findFirst();
	}

	@Override
	public CarrierDocument addDocument(VendorId vendorId, DocumentDraft draft, StoredFileId fileId, String actor) {
		requireVendor(vendorId);
		String sha = sha(fileId);
		CarrierDocument document = documents.save(new CarrierDocument(vendorId, draft, fileId, actor, now()));
		events.publishEvent(new CarrierRecordChanged(vendorId, "VENDOR_DOCUMENT_ADDED", document.getId(),
				draft.kind().label() + " \"" + draft.title() + "\" valid from " + draft.validFrom()
						+ (draft.validUntil() == null ? "" : " until " + draft.validUntil()),
				sha, actor, document.getAddedAt()));
		return document;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CarrierDocument> documentsOf(VendorId vendorId) {
		return documents.findByVendorIdOrderByValidFromDesc(vendorId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CarrierDocument> document(UUID documentId) {
		return documents.findById(documentId);
	}

	@Override
	public SocReport recordSocReport(VendorId vendorId, SocReportDraft draft, StoredFileId reportFileId,
			StoredFileId bridgeFileId, String actor) {
		requireVendor(vendorId);
		String sha = sha(reportFileId);
		sha(bridgeFileId);
		SocReport report = reports.save(new SocReport(vendorId, draft, reportFileId, bridgeFileId, actor, now()));
		events.publishEvent(new CarrierRecordChanged(vendorId, "VENDOR_SOC_REPORT_REVIEWED", report.getId(),
				report.describe() + ", opinion " + report.getOpinion().label() + ", " + report.getExceptions().size()
						+ " exception(s), " + report.getCuecs().size() + " CUEC(s)",
				sha, actor, report.getReviewedAt()));
		return report;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SocReport> socReportsOf(VendorId vendorId) {
		List<SocReport> list = reports.findByVendorIdOrderByPeriodEndDescReviewedAtDesc(vendorId);
		list.forEach(r -> {
			r.getCuecs();
			r.getSubservices();
		});
		return list;
	}

	@Override
	@Transactional(readOnly = true)
	public SocReport socReport(UUID reportId) {
		SocReport report = reports.findById(reportId).orElseThrow(() -> new NotFoundException("SocReport", reportId));
		report.getCuecs();
		report.getSubservices();
		return report;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<VendorId, SocReport> latestSocReports() {
		return reports.findLatestOfEveryVendor()
			.stream()
			.collect(Collectors.toMap(SocReport::getVendorId, Function.identity(),
					(a, b) -> a.getReviewedAt().isAfter(b.getReviewedAt()) ? a : b));
	}

	@Override
	public AuditPeriod auditPeriod() {
		return properties.auditPeriod(LocalDate.now(clock));
	}

	@Override
	@Transactional(readOnly = true)
	public ReportCoverage coverage(VendorId vendorId, LocalDate asOf) {
		return socReportsOf(vendorId).stream()
			.findFirst()
			.map(r -> coverage(r, asOf))
			.orElseGet(() -> ReportCoverage.noReport(auditPeriod(), asOf));
	}

	@Override
	public ReportCoverage coverage(SocReport report, LocalDate asOf) {
		return ReportCoverage.check(report, auditPeriod(), asOf);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<VendorId, List<CarrierContract>> allContracts() {
		return contracts.findAll()
			.stream()
			.sorted(Comparator.comparing(CarrierContract::getStartsOn).reversed())
			.collect(Collectors.groupingBy(CarrierContract::getVendorId));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<VendorId, List<CarrierDocument>> allDocuments() {
		return documents.findAll().stream().collect(Collectors.groupingBy(CarrierDocument::getVendorId));
	}

	private String sha(StoredFileId fileId) {
		return fileId == null ? null : files.get(fileId).getSha256();
	}

	private void requireVendor(VendorId id) {
		if (vendors.findById(id).isEmpty()) {
			throw new NotFoundException("Vendor", id);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
