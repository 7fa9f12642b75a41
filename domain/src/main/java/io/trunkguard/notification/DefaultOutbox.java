package io.trunkguard.notification;

import io.trunkguard.audit.AuditTrail;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

@Service
@Validated
@Transactional(readOnly = true)
class DefaultOutbox implements Outbox {

	static final String REQUEUED = "NOTIFICATION_REQUEUED";

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final OutboxMessages messages;

	private final OutboxDispatcher dispatcher;

	private final AuditTrail trail;

	private final Clock clock;

	DefaultOutbox(OutboxMessages messages, OutboxDispatcher dispatcher, AuditTrail trail, ObjectProvider<Clock> clock) {
		this.messages = messages;
		this.dispatcher = dispatcher;
		this.trail = trail;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Writes a message in the caller's transaction (it must have one: the event's), so
	 * the message exists if and only if the change that caused it commits; after the
	 * commit the dispatcher is woken to send it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	OutboxMessage write(MailDraft draft) {
		OutboxMessage message = messages.save(OutboxMessage.of(draft, dispatcher.smtpConfigured(), clock.instant()));
		if (message.getStatus() == MessageStatus.PENDING
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.trigger();
				}
			});
		}
		return message;
	}

	@Override
	public Page<OutboxMessage> search(OutboxFilter filter, Pageable pageable) {
		return messages.findAll(matching(null, filter), newestFirst(pageable));
	}

	@Override
	public Page<OutboxMessage> addressedTo(String username, OutboxFilter filter, Pageable pageable) {
		return messages.findAll(matching(username, filter), newestFirst(pageable));
	}

	@Override
	public Optional<OutboxMessage> find(UUID id) {
		return messages.findById(id);
	}

	@Override
	@Transactional
	public OutboxMessage sendAgain(UUID id, String actor) {
		if (!smtpConfigured()) {
			throw new InvalidStateException("outbox.no-smtp",
					"No SMTP server is configured (spring.mail.host): messages stay in the outbox.");
		}
		OutboxMessage message = messages.findById(id).orElseThrow(() -> new NotFoundException("OutboxMessage", id));
		MessageStatus before = message.getStatus();
		message.requeue(clock.instant());
		OutboxMessage saved = messages.save(message);
		Map<String, Object> details = new TreeMap<>();
		details.put("kind", message.getKind());
		details.put("recipient", message.getRecipientUsername());
		details.put("previousStatus", before);
		details.put("lastError", message.getLastError());
		trail.record(actor, REQUEUED, "OutboxMessage", id.toString(), details);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				dispatcher.trigger();
			}
		});
		return saved;
	}

	@Override
	public boolean smtpConfigured() {
		return dispatcher.smtpConfigured();
	}

	private static Pageable newestFirst(Pageable pageable) {
		return pageable.isUnpaged() ? pageable
				: PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST);
	}

	private static Specification<OutboxMessage> matching(String username, OutboxFilter filter) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (username != null) {
				where.add(cb.equal(root.get("recipientUsername"), username));
			}
			if (filter.status() != null) {
				where.add(cb.equal(root.get("status"), filter.status()));
			}
			if (filter.kind() != null) {
				where.add(cb.equal(root.get("kind"), filter.kind()));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

}
