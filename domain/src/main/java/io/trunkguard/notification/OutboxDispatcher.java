package io.trunkguard.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends PENDING messages through Spring's {@link JavaMailSender} when
 * {@code spring.mail.host} is configured: right after the commit that wrote them and
 * every {@code dispatch-interval} after that. Each message is claimed first (a lease on
 * its next attempt), so two threads or nodes never send it twice at once; a failed
 * attempt is counted with its error and retried with a doubling wait, until
 * {@code max-attempts} make it FAILED. Nothing is deleted: a sender that dies mid-way
 * leaves the message PENDING, tried again when its lease ends (delivery is at least
 * once).
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	static final String OUTBOX_ID_HEADER = "X-Trunkguard-Outbox-Id";

	static final Duration SMTP_TIMEOUT = Duration.ofSeconds(20);

	private static final int BATCH = 50;

	private static final int MAX_PER_RUN = 1000;

	private final OutboxMessages messages;

	private final JavaMailSender sender;

	private final NotificationProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AtomicBoolean wanted = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	@Autowired
	OutboxDispatcher(OutboxMessages messages, ObjectProvider<JavaMailSender> sender, NotificationProperties properties,
			PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
		this(messages, withTimeouts(sender.getIfAvailable()), properties, transactionManager,
				clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * JavaMail waits forever by default: a server that accepts the connection and then
	 * says nothing would stall the dispatcher. Unless
	 * {@code spring.mail.properties.mail.smtp.*timeout} say otherwise, each wait is
	 * capped.
	 */
	static JavaMailSender withTimeouts(JavaMailSender sender) {
		if (sender instanceof JavaMailSenderImpl impl) {
			Properties javaMail = impl.getJavaMailProperties();
			for (String key : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
				javaMail.putIfAbsent(key, String.valueOf(SMTP_TIMEOUT.toMillis()));
			}
		}
		return sender;
	}

	/** {@code sender} null: no SMTP server is configured, nothing is sent. */
	OutboxDispatcher(OutboxMessages messages, JavaMailSender sender, NotificationProperties properties,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.messages = messages;
		this.sender = sender;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	boolean smtpConfigured() {
		return sender != null;
	}

	/**
	 * Asks for a run soon, on the dispatcher's own thread (a no-op without SMTP or before
	 * the start).
	 */
	void trigger() {
		ScheduledExecutorService running = executor;
		if (running != null && wanted.compareAndSet(false, true)) {
			try {
				running.execute(this::runQuietly);
			}
			catch (RuntimeException stopped) {
				wanted.set(false);
			}
		}
	}

	/** Sends what is due now; returns how many messages the SMTP server accepted. */
	int dispatchDue() {
		return dispatchDue(clock.instant());
	}

	/**
	 * Sends what is due at {@code now} (tests pass a later time to skip the wait between
	 * attempts).
	 */
	int dispatchDue(Instant now) {
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		int tried = 0;
		List<UUID> due = messages.findDue(now, PageRequest.of(0, BATCH));
		while (!due.isEmpty() && tried < MAX_PER_RUN) {
			for (UUID id : due) {
				tried++;
				if (sendOne(id, now)) {
					sent++;
				}
			}
			due = messages.findDue(now, PageRequest.of(0, BATCH));
		}
		return sent;
	}

	private boolean sendOne(UUID id, Instant now) {
		Integer claimed = transactions.execute(status -> messages.claim(id, now, now.plus(properties.lease())));
		if (claimed == null || claimed != 1) {
			return false;
		}
		OutboxMessage message = transactions.execute(status -> messages.findById(id).orElse(null));
		if (message == null) {
			return false;
		}
		try {
			sender.send(mime(message));
		}
		catch (RuntimeException | MessagingException | UnsupportedEncodingException failure) {
			String error = describe(failure);
			transactions.executeWithoutResult(status -> messages.findById(id).ifPresent(m -> {
				m.recordFailure(error, now, properties.retryAfter(m.getAttempts() + 1), properties.maxAttempts());
				log.warn("Mail {} to {} failed (attempt {}, now {}): {}", id, m.getRecipientEmail(), m.getAttempts(),
						m.getStatus(), error);
			}));
			return false;
		}
		transactions.executeWithoutResult(status -> messages.findById(id).ifPresent(m -> m.markSent(now)));
		return true;
	}

	private MimeMessage mime(OutboxMessage message) throws MessagingException, UnsupportedEncodingException {
		MimeMessage mime = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
		helper.setFrom(properties.from());
		helper.setTo(new InternetAddress(message.getRecipientEmail(), message.getRecipientName(), "UTF-8"));
		helper.setSubject(message.getSubject());
		helper.setText(message.getBody(), false);
		helper.setSentDate(java.util.Date.from(clock.instant()));
		mime.setHeader(OUTBOX_ID_HEADER, message.getId().toString());
		return mime;
	}

	private static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder(failure.getClass().getSimpleName() + ": " + failure.getMessage());
		Throwable cause = failure.getCause();
		for (int depth = 0; cause != null && cause != failure && depth < 3; depth++, cause = cause.getCause()) {
			text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
		}
		return text.toString().replaceAll("\\s+", " ").trim();
	}

	private void runQuietly() {
		wanted.set(false);
		try {
			dispatchDue();
		}
		catch (RuntimeException e) {
			// the database may be away for a moment: the messages stay PENDING for the
			// next run
			log.warn("Outbox dispatch run failed; the messages stay pending: {}", e.toString());
		}
	}

	@Override
	public void start() {
		if (sender == null || executor != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "outbox-dispatcher");
			thread.setDaemon(true);
			return thread;
		});
		long interval = Math.max(1, properties.dispatchInterval().toMillis());
		started.scheduleWithFixedDelay(this::runQuietly, interval, interval, TimeUnit.MILLISECONDS);
		executor = started;
		log.info("Outbox dispatcher sends mail over SMTP every {} and after each commit",
				properties.dispatchInterval());
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = executor;
		executor = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
