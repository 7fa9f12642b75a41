package io.trunkguard.workflow;

import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Parses the Camunda engine's MyBatis mappings (about 1,500 SQL statements in some 40 XML
 * files) on a thread of its own while the rest of the application starts, instead of on
 * the main thread when the engine is built: a flight recording of the embedded default's
 * start put a fifth of the main thread's CPU there (docs/performance.md). The engine then
 * takes the parsed configuration ({@link EngineMappingsPlugin}) and gives it its own
 * transactions and data source; the statements are the ones the engine would have parsed,
 * with the same properties.
 * <p>
 * Only for H2 (the embedded default, {@code spring.datasource.url} starting with
 * {@code jdbc:h2:}), without a table prefix: that is the start a person waits for; every
 * other set-up builds the mappings the engine's own way.
 */
class EngineMappingsInAdvance implements BeanFactoryPostProcessor, EnvironmentAware {

	private static final Logger log = LoggerFactory.getLogger(EngineMappingsInAdvance.class);

	/** Camunda's name for H2 (its database type mapping of the product name "H2"). */
	static final String H2 = "h2";

	private volatile CompletableFuture<Configuration> parsed;

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String url;
		try {
			url = environment.getProperty("spring.datasource.url", "");
		}
		catch (IllegalArgumentException unresolved) {
			// a URL from a variable that is not set (the PostgreSQL profile, whose data
			// source a test or another configuration gives as a bean): not H2's
			url = "";
		}
		String type = environment.getProperty("camunda.bpm.database.type", H2);
		String prefix = environment.getProperty("camunda.bpm.database.table-prefix", "");
		if (!url.startsWith("jdbc:h2:") || !H2.equals(type) || !prefix.isEmpty()) {
			return;
		}
		CompletableFuture<Configuration> future = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				future.complete(parse());
			}
			catch (RuntimeException | Error e) {
				future.completeExceptionally(e);
			}
		}, "camunda-mappings");
		thread.setDaemon(true);
		thread.setContextClassLoader(beanFactory.getBeanClassLoader());
		thread.start();
		parsed = future;
	}

	/**
	 * The mappings parsed for H2, as the engine's {@code initSqlSessionFactory} parses
	 * them (same file, same properties), still without an environment; empty when they
	 * were not parsed in advance or the parse failed (the engine then parses them
	 * itself).
	 */
	Optional<Configuration> mappings() {
		CompletableFuture<Configuration> future = parsed;
		if (future == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(future.join());
		}
		catch (RuntimeException e) {
			log.warn("The engine's mappings could not be parsed in advance; the engine parses them itself", e);
			return Optional.empty();
		}
	}

	private static Configuration parse() {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		InputStream stream = loader.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
		if (stream == null) {
			throw new IllegalStateException(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE + " not found");
		}
		try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
			Properties properties = new Properties();
			properties.put("prefix", "");
			ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, "", H2);
			return new XMLConfigBuilder(reader, "", properties).parse();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
