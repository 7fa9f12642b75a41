package io.trunkguard.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher against real SMTP servers on 127.0.0.1: GreenMail receives the mail; a
 * port nobody listens on and a server that answers every connection with 554 make
 * attempts fail, which are counted with their error, retried, then FAILED, and never
 * lost. The dispatcher is built by hand on the shared context's database (with Spring's
 * {@link JavaMailSenderImpl} pointed at the test server), so no second Spring context is
 * started. H2 and PostgreSQL by the subclasses (the claim that keeps two senders apart is
 * an update the database must get right).
 */
abstract class OutboxDispatcherIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static final String FROM = "trunkguard@example.test";

	@Autowired
	OutboxMessages messages;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	io.trunkguard.audit.AuditTrail trail;

	@Autowired
	org.springframework.beans.factory.ObjectProvider<Clock> clock;

	final List<UUID> written = new ArrayList<>();

	@AfterEach
	void settle() {
		// leave nothing PENDING behind for other tests of the shared database
		for (UUID id : written) {
			messages.findById(id).filter(m -> m.getStatus() == MessageStatus.PENDING).ifPresent(m -> {
				m.recordFailure("test finished", Instant.now(), Duration.ZERO, 1);
				messages.save(m);
			});
		}
	}

	NotificationProperties properties(int maxAttempts) {
		return new NotificationProperties("http://127.0.0.1:8080", FROM, List.of("compliance-lead"), ZoneOffset.UTC,
				maxAttempts, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(5),
				Duration.ofSeconds(30));
	}

	OutboxDispatcher dispatcher(int port, int maxAttempts) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties javaMail = new Properties();
		javaMail.put("mail.smtp.connectiontimeout", "2000");
		javaMail.put("mail.smtp.timeout", "2000");
		sender.setJavaMailProperties(javaMail);
		return new OutboxDispatcher(messages, sender, properties(maxAttempts), transactionManager, Clock.systemUTC());
	}

	OutboxMessage pending(String to, Instant now) {
		MailDraft draft = new MailTexts(properties(3)).reviewReminder(new Recipient("olga", "Olga Östergård", to),
				UUID.randomUUID().toString(), "Q4 2026 access review", 4, Instant.parse("2026-12-11T17:00:00Z"));
		OutboxMessage message = messages.save(OutboxMessage.of(draft, true, now));
		written.add(message.getId());
		return message;
	}

	List<MimeMessage> received(UUID id) throws Exception {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			String[] header = m.getHeader(OutboxDispatcher.OUTBOX_ID_HEADER);
			if (header != null && Arrays.asList(header).contains(id.toString())) {
				mine.add(m);
			}
		}
		return mine;
	}

	@Test
	void sendsAPendingMessageOverSmtpAndMarksItSent() throws Exception {
		Instant now = Instant.now();
		OutboxMessage message = pending("olga@example.test", now);

		dispatcher(smtp.getSmtp().getPort(), 3).dispatchDue(now);

		List<MimeMessage> arrived = received(message.getId());
		assertThat(arrived).hasSize(1);
		MimeMessage mail = arrived.get(0);
		assertThat(mail.getSubject()).isEqualTo(message.getSubject());
		assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(FROM);
		InternetAddress to = (InternetAddress) mail.getAllRecipients()[0];
		assertThat(to.getAddress()).isEqualTo("olga@example.test");
		assertThat(to.getPersonal()).isEqualTo("Olga Östergård");
		assertThat(mail.getContentType()).startsWith("text/plain");
		assertThat(((String) mail.getContent()).replace("\r\n", "\n").strip()).as("the text, bar the final line break")
			.isEqualTo(message.getBody().strip());
		OutboxMessage sent = messages.findById(message.getId()).orElseThrow();
		assertThat(sent.getStatus()).isEqualTo(MessageStatus.SENT);
		assertThat(sent.getAttempts()).isEqualTo(1);
		assertThat(sent.getSentAt()).isNotNull();
		assertThat(sent.getLastError()).isNull();
	}

	@Test
	void keepsTheMessagePendingWithTheErrorWhenNobodyListensThenFailsItAfterTheLastAttempt() throws Exception {
		Instant now = Instant.now();
		OutboxMessage message = pending("olga@example.test", now);
		OutboxDispatcher dispatcher = dispatcher(closedPort(), 3);

		assertThat(dispatcher.dispatchDue(now)).isZero();
		OutboxMessage first = messages.findById(message.getId()).orElseThrow();
		assertThat(first.getStatus()).isEqualTo(MessageStatus.PENDING);
		assertThat(first.getAttempts()).isEqualTo(1);
		assertThat(first.getLastError()).contains("Connection refused");
		assertThat(first.getNextAttemptAt()).isAfter(now);

		dispatcher.dispatchDue(now.plusSeconds(30));
		assertThat(messages.findById(message.getId()).orElseThrow().getAttempts()).as("waits before the next attempt")
			.isEqualTo(1);

		dispatcher.dispatchDue(now.plus(Duration.ofMinutes(1)));
		dispatcher.dispatchDue(now.plus(Duration.ofMinutes(5)));
		OutboxMessage failed = messages.findById(message.getId()).orElseThrow();
		assertThat(failed.getStatus()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.getAttempts()).isEqualTo(3);
		assertThat(failed.getLastError()).contains("Connection refused");
		assertThat(failed.getBody()).isEqualTo(message.getBody());
	}

	@Test
	void recordsTheRefusalOfAServerThatAnswers554AndSendsOnceTheServerIsBack() throws Exception {
		Instant now = Instant.now();
		OutboxMessage message = pending("olga@example.test", now);
		try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
			dispatcher(refusing.port(), 5).dispatchDue(now);
		}

		OutboxMessage refused = messages.findById(message.getId()).orElseThrow();
		assertThat(refused.getStatus()).isEqualTo(MessageStatus.PENDING);
		assertThat(refused.getAttempts()).isEqualTo(1);
		assertThat(refused.getLastError()).contains("554");

		dispatcher(smtp.getSmtp().getPort(), 5).dispatchDue(now.plus(Duration.ofMinutes(1)));

		assertThat(received(message.getId())).hasSize(1);
		OutboxMessage sent = messages.findById(message.getId()).orElseThrow();
		assertThat(sent.getStatus()).isEqualTo(MessageStatus.SENT);
		assertThat(sent.getAttempts()).isEqualTo(2);
	}

	@Test
	void sendsEachMessageOnceWhenTwoDispatchersRunAtOnce() throws Exception {
		Instant now = Instant.now();
		List<OutboxMessage> batch = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			batch.add(pending("reviewer" + i + "@example.test", now));
		}
		List<Callable<Integer>> nodes = List.of(() -> dispatcher(smtp.getSmtp().getPort(), 3).dispatchDue(now),
				() -> dispatcher(smtp.getSmtp().getPort(), 3).dispatchDue(now));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		int sent = 0;
		try {
			for (Future<Integer> f : pool.invokeAll(nodes)) {
				sent += f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(sent).isEqualTo(12);
		for (OutboxMessage m : batch) {
			assertThat(received(m.getId())).as("copies of " + m.getId()).hasSize(1);
			assertThat(messages.findById(m.getId()).orElseThrow().getStatus()).isEqualTo(MessageStatus.SENT);
		}
	}

	@Test
	void sendsOnItsOwnThreadRightAfterTheCommitThatWroteTheMessageAndNothingForARollback() throws Exception {
		OutboxDispatcher dispatcher = dispatcher(smtp.getSmtp().getPort(), 3);
		DefaultOutbox outbox = new DefaultOutbox(messages, dispatcher, trail, clock);
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		MailTexts texts = new MailTexts(properties(3));
		dispatcher.start();
		try {
			OutboxMessage rolledBack = transaction.execute(status -> {
				status.setRollbackOnly();
				return outbox.write(texts.reviewReminder(new Recipient("olga", "Olga", "olga@example.test"),
						"c-rolled-back", "Q4", 2, Instant.now()));
			});
			OutboxMessage committed = transaction
				.execute(status -> outbox.write(texts.reviewReminder(new Recipient("olga", "Olga", "olga@example.test"),
						"c-committed", "Q4", 2, Instant.now())));
			written.add(committed.getId());
			assertThat(committed.getStatus()).isEqualTo(MessageStatus.PENDING);

			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> messages.findById(committed.getId()).orElseThrow().getStatus() == MessageStatus.SENT);
			assertThat(received(committed.getId())).hasSize(1);
			assertThat(messages.findById(rolledBack.getId())).isEmpty();
			assertThat(received(rolledBack.getId())).isEmpty();
		}
		finally {
			dispatcher.stop();
		}
		assertThat(dispatcher.isRunning()).isFalse();
	}

	@Test
	void capsEverySmtpWaitUnlessConfiguredOtherwise() {
		JavaMailSenderImpl configured = new JavaMailSenderImpl();
		configured.getJavaMailProperties().put("mail.smtp.timeout", "5000");

		OutboxDispatcher.withTimeouts(configured);

		assertThat(configured.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "5000")
			.containsEntry("mail.smtp.connectiontimeout", "20000")
			.containsEntry("mail.smtp.writetimeout", "20000");
	}

	@Test
	void recordsATimeoutWhenTheServerAcceptsButNeverAnswers() throws Exception {
		Instant now = Instant.now();
		OutboxMessage message = pending("olga@example.test", now);
		try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			// the connection is accepted by the kernel's backlog; no greeting ever comes
			dispatcher(silent.getLocalPort(), 3).dispatchDue(now);
		}

		OutboxMessage timedOut = messages.findById(message.getId()).orElseThrow();
		assertThat(timedOut.getStatus()).isEqualTo(MessageStatus.PENDING);
		assertThat(timedOut.getAttempts()).isEqualTo(1);
		assertThat(timedOut.getLastError()).containsIgnoringCase("timed out");
	}

	@Test
	void sendsNothingWithoutAnSmtpServer() {
		Instant now = Instant.now();
		OutboxMessage message = pending("olga@example.test", now);
		OutboxDispatcher none = new OutboxDispatcher(messages, null, properties(3), transactionManager,
				Clock.systemUTC());

		assertThat(none.smtpConfigured()).isFalse();
		assertThat(none.dispatchDue(now)).isZero();
		assertThat(messages.findById(message.getId()).orElseThrow().getAttempts()).isZero();
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * An SMTP server that refuses every connection with "554" in its greeting (RFC 5321,
	 * 3.1).
	 */
	static final class RefusingSmtpServer implements AutoCloseable {

		private final ServerSocket socket;

		private final Thread thread;

		RefusingSmtpServer() throws IOException {
			socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
			thread = new Thread(() -> {
				while (!socket.isClosed()) {
					try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
						out.write("554 5.3.2 no mail service here\r\n".getBytes(StandardCharsets.US_ASCII));
						out.flush();
						client.getInputStream().read(new byte[512]);
					}
					catch (IOException closed) {
						// closed by the test, or the client hung up
					}
				}
			}, "refusing-smtp");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return socket.getLocalPort();
		}

		@Override
		public void close() throws Exception {
			socket.close();
			thread.join(2000);
		}

	}

}
