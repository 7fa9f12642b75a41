package io.trunkguard.vendorreview;

import io.trunkguard.vendor.CarrierContract;
import io.trunkguard.vendor.CarrierDocument;
import io.trunkguard.vendor.CarrierRecords;
import io.trunkguard.vendor.CarrierStatus;
import io.trunkguard.vendor.DocumentKind;
import io.trunkguard.vendor.SocReport;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each reminder and escalation runs in its own transaction that first claims its row in
 * {@code carrier_watch_notice}: a second run, or another node, finds the row taken and
 * sends nothing.
 */
@Service
@Validated
class DefaultCarrierWatch implements CarrierWatch {

	static final String SYSTEM = "system:carrier-watch";

	/** Days before an end date when the reminders go out, the largest first. */
	static final List<Integer> THRESHOLDS = List.of(60, 30, 7);

	private static final Set<DocumentKind> WATCHED = Set.of(DocumentKind.DPA, DocumentKind.BAA,
			DocumentKind.BRIDGE_LETTER, DocumentKind.CONTRACT, DocumentKind.SOC_REPORT);

	private final VendorService vendors;

	private final CarrierRecords records;

	private final ReviewConditions conditions;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate eachInItsOwn;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DefaultCarrierWatch(VendorService vendors, CarrierRecords records, ReviewConditions conditions, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.vendors = vendors;
		this.records = records;
		this.conditions = conditions;
		this.jdbc = jdbc;
		this.eachInItsOwn = new TransactionTemplate(transactions);
		this.eachInItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Something with a date that the watch reminds of: an end date, or for an
	 * auto-renewing contract its notice deadline ({@code renewsOn} is then the end date
	 * on which it renews itself).
	 */
	record Expiring(VendorId vendorId, String key, String what, LocalDate endsOn, LocalDate renewsOn) {
	}

	@Override
	public int remindExpiringDocuments(LocalDate today) {
		Map<VendorId, Vendor> watched = vendors.all()
			.stream()
			.filter(v -> v.getStatus() != CarrierStatus.OFFBOARDED)
			.collect(Collectors.toMap(Vendor::getId, Function.identity()));
		int sent = 0;
		for (Expiring e : expiring(watched.keySet())) {
			long daysLeft = ChronoUnit.DAYS.between(today, e.endsOn());
			Integer threshold = bracket(daysLeft);
			if (threshold == null) {
				continue;
			}
			Vendor vendor = watched.get(e.vendorId());
			String key = e.key() + ":" + e.endsOn() + ":" + threshold;
			boolean claimed = Boolean.TRUE.equals(eachInItsOwn.execute(status -> {
				if (!claim(key, e.vendorId(), "DOCUMENT_EXPIRY", e.endsOn())) {
					return false;
				}
				events.publishEvent(new CarrierDocumentExpiring(e.vendorId(), vendor.getName(), e.what(), e.endsOn(),
						e.renewsOn(), threshold, daysLeft, SYSTEM, now()));
				return true;
			}));
			sent += claimed ? 1 : 0;
		}
		return sent;
	}

	/**
	 * The threshold whose bracket {@code daysLeft} falls in (60 for 31-60 days, 30 for
	 * 8-30, 7 for 0-7), or null when none: a run that missed a day still sends one
	 * reminder, not every threshold passed.
	 */
	static Integer bracket(long daysLeft) {
		if (daysLeft < 0) {
			return null;
		}
		Integer found = null;
		for (int threshold : THRESHOLDS) {
			if (daysLeft <= threshold) {
				found = threshold;
			}
		}
		return found;
	}

	private List<Expiring> expiring(Set<VendorId> watched) {
		List<Expiring> list = new ArrayList<>();
		records.allDocuments().forEach((vendorId, documents) -> {
			for (CarrierDocument d : documents) {
				if (watched.contains(vendorId) && WATCHED.contains(d.getKind()) && d.getValidUntil() != null) {
					list.add(new Expiring(vendorId, "DOCUMENT:" + d.getId(),
							d.getKind().label() + " \"" + d.getTitle() + "\"", d.getValidUntil(), null));
				}
			}
		});
		records.allContracts().forEach((vendorId, contracts) -> {
			for (CarrierContract c : contracts) {
				if (!watched.contains(vendorId) || c.getEndsOn() == null) {
					continue;
				}
				String what = "Contract \"" + c.getTitle() + "\"";
				if (c.isAutoRenews()) {
					// it runs on by itself: what must not pass unnoticed is the last day
					// to give
					// notice
					list.add(new Expiring(vendorId, "CONTRACT_NOTICE:" + c.getId(), what,
							c.getEndsOn().minusDays(c.getNoticeDays()), c.getEndsOn()));
				}
				else {
					list.add(new Expiring(vendorId, "CONTRACT:" + c.getId(), what, c.getEndsOn(), null));
				}
			}
		});
		records.latestSocReports().forEach((vendorId, report) -> {
			if (!watched.contains(vendorId)) {
				return;
			}
			list.add(new Expiring(vendorId, "SOC_REPORT:" + report.getId(),
					"The SOC report period (" + report.describe() + ")", report.getPeriodEnd(), null));
			if (report.hasBridgeLetter()) {
				list.add(new Expiring(vendorId, "BRIDGE_LETTER:" + report.getId(),
						"The bridge letter of the SOC report (" + report.describe() + ")", report.getBridgeTo(), null));
			}
		});
		return list;
	}

	@Override
	public int escalateOverdueConditions(LocalDate today) {
		int sent = 0;
		for (ReviewCondition open : conditions.findByClosedAtIsNull()) {
			if (!open.isOverdueOn(today)) {
				continue;
			}
			boolean claimed = Boolean.TRUE.equals(eachInItsOwn.execute(status -> {
				if (!claim("CONDITION:" + open.getId(), open.getVendorId(), "CONDITION_OVERDUE", open.getDueOn())) {
					return false;
				}
				ReviewCondition condition = conditions.findById(open.getId()).orElseThrow();
				Vendor vendor = vendors.get(condition.getVendorId());
				Instant now = now();
				condition.escalated("the compliance leads and the manager of the carrier's owner", now);
				conditions.save(condition);
				events.publishEvent(new ReviewConditionEscalated(condition.getId(), condition.getReviewId(),
						vendor.getId(), vendor.getName(), condition.getText(), condition.getOwner(),
						condition.getDueOn(), SYSTEM, now));
				events
					.publishEvent(
							new CarrierReviewEvent(condition.getReviewId(), vendor.getId(), vendor.getName(),
									"CARRIER_REVIEW_CONDITION_OVERDUE", "\"" + condition.getText() + "\" owned by "
											+ condition.getOwner() + " was due on " + condition.getDueOn(),
									SYSTEM, now));
				return true;
			}));
			sent += claimed ? 1 : 0;
		}
		return sent;
	}

	/** Takes the notice's row; false when it is taken (by an earlier run or a node). */
	private boolean claim(String key, VendorId vendorId, String kind, LocalDate dueOn) {
		Integer taken = jdbc.queryForObject("select count(*) from carrier_watch_notice where notice_key = ?",
				Integer.class, key);
		if (taken != null && taken > 0) {
			return false;
		}
		try {
			jdbc.update(
					"insert into carrier_watch_notice (notice_key, vendor_id, kind, due_on, created_at) values (?, ?, ?, ?, ?)",
					key, vendorId.value(), kind, Date.valueOf(dueOn), Timestamp.from(now()));
			return true;
		}
		catch (DataIntegrityViolationException raced) {
			return false;
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
