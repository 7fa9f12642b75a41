package io.trunkguard.deprovisioning.reports;

import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningLogArchive;
import io.trunkguard.deprovisioning.DeprovisioningLogFile;
import io.trunkguard.deprovisioning.DeprovisioningOverview;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import io.trunkguard.deprovisioning.DeprovisioningStatistics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Writes the deprovisioning log of a period (XLSX with every case and step, PDF summary
 * with a chart) and keeps both as SOC 2 CC6.1 evidence dated the end of the period.
 */
@Service
public class DeprovisioningLogReports {

	private final DeprovisioningOverview overview;

	private final DeprovisioningLogArchive archive;

	private final Clock clock;

	DeprovisioningLogReports(DeprovisioningOverview overview, DeprovisioningLogArchive archive,
			ObjectProvider<Clock> clock) {
		this.overview = overview;
		this.archive = archive;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public void writeXlsx(DeprovisioningPeriod period, OutputStream out) {
		try {
			DeprovisioningLogXlsxWriter.write(data(period), out);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the deprovisioning log " + period, e);
		}
	}

	public void writePdf(DeprovisioningPeriod period, OutputStream out) {
		DeprovisioningLogPdfWriter.write(data(period), out);
	}

	/**
	 * Generates both files from one reading of the cases and stores them as evidence;
	 * returns them (XLSX, PDF).
	 */
	public List<DeprovisioningLogFile> storeAsEvidence(DeprovisioningPeriod period, String actor) {
		DeprovisioningLogData data = data(period);
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try {
			DeprovisioningLogXlsxWriter.write(data, xlsx);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the deprovisioning log " + period, e);
		}
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		DeprovisioningLogPdfWriter.write(data, pdf);
		int count = data.cases().size();
		return List.of(archive.store(period, DeprovisioningLogFile.Format.XLSX, xlsx.toByteArray(), count, actor),
				archive.store(period, DeprovisioningLogFile.Format.PDF, pdf.toByteArray(), count, actor));
	}

	private DeprovisioningLogData data(DeprovisioningPeriod period) {
		List<DeprovisioningCase> cases = overview.casesOf(period);
		return new DeprovisioningLogData(period, cases, DeprovisioningStatistics.of(cases), overview.defaultSla(),
				clock.instant());
	}

}
