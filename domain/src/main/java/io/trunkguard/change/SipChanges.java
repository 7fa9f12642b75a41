package io.trunkguard.change;

import org.springframework.data.repository.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The change records. */
interface SipChanges extends Repository<SipChange, SipChangeId> {

	SipChange save(SipChange change);

	Optional<SipChange> findById(SipChangeId id);

	List<SipChange> findByAppliedOnBetweenOrderByAppliedOnDescRecordedAtDesc(LocalDate from, LocalDate to);

	long count();

}
