package io.trunkguard.vendorreview;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/**
 * The daily watch over carriers: documents that expire soon (SOC report period end,
 * bridge letter, DPA, BAA, contract end) are reminded 60, 30 and 7 days before, and open
 * conditions of approvals past their due date are escalated. Each reminder is sent once
 * per document, date and threshold, each escalation once per condition, also when several
 * nodes run the watch at the same time.
 */
public interface CarrierWatch {

	/** The reminders due on {@code today}; returns how many were queued. */
	int remindExpiringDocuments(@NotNull LocalDate today);

	/** The escalations due on {@code today}; returns how many were queued. */
	int escalateOverdueConditions(@NotNull LocalDate today);

}
