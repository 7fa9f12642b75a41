package io.trunkguard.vendorreview;

import io.trunkguard.shared.DatabaseMigration;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Flyway migration 350 (a Spring bean, so Spring Boot hands it to Flyway): on PostgreSQL,
 * the carrier board's summary table {@code vendor_board_summary}, one row per carrier
 * with what the board reads of its history (newest decided review, running review, newest
 * SOC report, newest questionnaire, open conditions), kept by triggers on the four tables
 * that change it, in the writing transaction. The board then reads one row per carrier
 * instead of four index lookups per carrier into ten years of history (issue 9's bench:
 * 2,000 carriers, 8,000 lookups per board).
 * <p>
 * Only raw values are stored; everything that depends on today (review state, days left,
 * coverage) is still worked out when the board is read. A refresh locks the carrier's
 * summary row before it reads, so two transactions changing one carrier's history at once
 * refresh one after the other, the second seeing the first's commit (read committed takes
 * a new snapshot per statement). On other databases (H2, the embedded default with a
 * handful of carriers) it does nothing: the board reads the history directly.
 */
@Component
class CarrierBoardSummaryMigration extends DatabaseMigration {

	static final String TABLE = """
			create table vendor_board_summary (
			    vendor_id       uuid not null primary key,
			    decided_at      timestamp(6) with time zone,
			    next_due_on     date,
			    running_id      uuid,
			    report_type     varchar(10),
			    period_start    date,
			    period_end      date,
			    bridge_from     date,
			    bridge_to       date,
			    expires_at      timestamp(6) with time zone,
			    first_opened_at timestamp(6) with time zone,
			    last_saved_at   timestamp(6) with time zone,
			    submitted_at    timestamp(6) with time zone,
			    revoked_at      timestamp(6) with time zone,
			    open_conditions bigint not null default 0
			)""";

	/**
	 * The newest-per-carrier lookups of {@link BoardQuery#CARRIERS_POSTGRES}, for one
	 * carrier.
	 */
	static final String REFRESH = """
			create function vendor_board_refresh(p_vendor uuid) returns void language plpgsql as $$
			begin
			  if p_vendor is null then
			    return;
			  end if;
			  insert into vendor_board_summary (vendor_id) values (p_vendor) on conflict (vendor_id) do nothing;
			  perform 1 from vendor_board_summary where vendor_id = p_vendor for update;
			  update vendor_board_summary set
			    (decided_at, next_due_on) = (select decided_at, next_due_on from vendor_review
			        where vendor_id = p_vendor and decided_at is not null order by decided_at desc limit 1),
			    running_id = (select id from vendor_review
			        where vendor_id = p_vendor and status = 'IN_PROGRESS' order by started_at desc limit 1),
			    (report_type, period_start, period_end, bridge_from, bridge_to) = (select report_type, period_start,
			        period_end, bridge_from, bridge_to from vendor_soc_report
			        where vendor_id = p_vendor order by period_end desc, reviewed_at desc limit 1),
			    (expires_at, first_opened_at, last_saved_at, submitted_at, revoked_at) = (select expires_at,
			        first_opened_at, last_saved_at, submitted_at, revoked_at from questionnaire
			        where vendor_id = p_vendor order by sent_at desc limit 1),
			    open_conditions = (select count(*) from vendor_review_condition
			        where vendor_id = p_vendor and closed_at is null)
			  where vendor_id = p_vendor;
			end
			$$""";

	static final String TOUCH = """
			create function vendor_board_touch() returns trigger language plpgsql as $$
			begin
			  if tg_op = 'INSERT' then
			    perform vendor_board_refresh(new.vendor_id);
			  elsif tg_op = 'DELETE' then
			    perform vendor_board_refresh(old.vendor_id);
			  else
			    perform vendor_board_refresh(old.vendor_id);
			    if new.vendor_id is distinct from old.vendor_id then
			      perform vendor_board_refresh(new.vendor_id);
			    end if;
			  end if;
			  return null;
			end
			$$""";

	/** Each table with the columns whose change can change its carrier's summary. */
	static final String[][] TRIGGERS = { { "vendor_review", "vendor_id, status, started_at, decided_at, next_due_on" },
			{ "vendor_soc_report",
					"vendor_id, report_type, period_start, period_end, bridge_from, bridge_to, reviewed_at" },
			{ "questionnaire",
					"vendor_id, sent_at, expires_at, first_opened_at, last_saved_at, submitted_at, revoked_at" },
			{ "vendor_review_condition", "vendor_id, closed_at" } };

	CarrierBoardSummaryMigration() {
		super("350", "carrier board summary", 350_0001);
	}

	@Override
	protected List<String> postgresql() {
		return Stream.concat(Stream.of(TABLE, REFRESH, TOUCH), Stream.concat(Arrays.stream(TRIGGERS)
			.map(trigger -> "create trigger vendor_board_" + trigger[0] + " after insert or delete or update of "
					+ trigger[1] + " on " + trigger[0] + " for each row execute function vendor_board_touch()"),
				Stream.of("select vendor_board_refresh(id) from vendor")))
			.toList();
	}

}
