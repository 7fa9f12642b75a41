package io.trunkguard.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Trunkguard node: the built jar ({@code web/target/trunkguard.jar}) started as its
 * own Java process with the {@code postgres} profile, its own port, working directory and
 * log. Nodes share only what production nodes share: the database and the stored-files
 * directory. {@link #kill()} sends SIGKILL ({@link Process#destroyForcibly()} on Linux):
 * no shutdown hook, no flush, no closing of connections.
 */
final class AppNode implements AutoCloseable {

	/**
	 * How long a node may take to answer its health check: 6 minutes, more with
	 * {@code -Dtrunkguard.cluster.start-timeout=PT12M} on a machine under heavy load.
	 */
	private static final Duration START_TIMEOUT = Duration
		.parse(System.getProperty("trunkguard.cluster.start-timeout", "PT6M"));

	private final String name;

	private final Path jar;

	private final Path directory;

	private final Map<String, String> environment;

	private int port;

	private Process process;

	private int starts;

	AppNode(String name, Path jar, Path directory, Map<String, String> environment) {
		this.name = name;
		this.jar = jar;
		this.directory = directory;
		this.environment = new LinkedHashMap<>(environment);
	}

	String name() {
		return name;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	Path log() {
		return directory.resolve("node-" + starts + ".log");
	}

	/** Starts the process and waits until its health endpoint answers UP. */
	AppNode start() {
		try {
			Files.createDirectories(directory);
			port = freePort();
			starts++;
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
					"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
					// the engine records which node ran each job
					// (act_hi_job_log.hostname_)
					"--camunda.bpm.generic-properties.properties.hostname=" + name));
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log().toFile());
			builder.environment().putAll(environment);
			long started = System.nanoTime();
			process = builder.start();
			awaitHealthy();
			System.out.printf("%s healthy after %.1f s (start %d)%n", name, (System.nanoTime() - started) / 1e9,
					starts);
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot start node " + name, e);
		}
	}

	private void awaitHealthy() {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"node " + name + " exited with " + process.exitValue() + " while starting; see " + log());
			}
			try {
				HttpResponse<String> health = client.send(
						HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			sleep(500);
		}
		threadDump();
		process.destroyForcibly();
		throw new IllegalStateException("node " + name + " not healthy after " + START_TIMEOUT + "; see " + log());
	}

	/**
	 * What a node that does not come up is doing: its threads, into its log's directory.
	 */
	private void threadDump() {
		try {
			new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(process.pid()), "Thread.print")
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("threads-" + starts + ".txt").toFile())
				.start()
				.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (IOException e) {
			// no dump: the log says the rest
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** SIGKILL, and waits until the process is gone. */
	void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	boolean isAlive() {
		return process != null && process.isAlive();
	}

	/** A graceful stop (SIGTERM), then SIGKILL if it takes too long. */
	@Override
	public void close() {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		return "node " + name;
	}

}
