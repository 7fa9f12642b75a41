package io.trunkguard.trace;

import org.springframework.data.repository.Repository;

import java.util.Optional;

/** The full JSON reports of analysed captures. */
interface CaptureJsonReports extends Repository<CaptureReport, CaptureId> {

	CaptureReport save(CaptureReport report);

	Optional<CaptureReport> findById(CaptureId id);

}
