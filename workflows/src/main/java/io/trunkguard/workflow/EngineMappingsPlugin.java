package io.trunkguard.workflow;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Gives the engine the mappings {@link EngineMappingsInAdvance} parsed during the start.
 * Before the engine's own initialisation it checks that the database is H2 as expected
 * (the product name of a connection; the engine would find the same), fixes the database
 * type to it and hands over a session factory on the parsed mappings; once the engine has
 * made its transaction factory, it completes them with it and the data source, as the
 * engine does with the mappings it parses itself.
 */
class EngineMappingsPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineMappingsPlugin.class);

	private final EngineMappingsInAdvance inAdvance;

	private Configuration handedOver;

	EngineMappingsPlugin(EngineMappingsInAdvance inAdvance) {
		this.inAdvance = inAdvance;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl engine) {
		if (engine.getSqlSessionFactory() != null || engine.isUseSharedSqlSessionFactory()
				|| (engine.getDatabaseTablePrefix() != null && !engine.getDatabaseTablePrefix().isEmpty())
				|| (engine.getDatabaseType() != null && !EngineMappingsInAdvance.H2.equals(engine.getDatabaseType()))
				|| engine.getDataSource() == null || !isH2(engine)) {
			return;
		}
		inAdvance.mappings().ifPresent(mappings -> {
			engine.setDatabaseType(EngineMappingsInAdvance.H2);
			engine.setSqlSessionFactory(new DefaultSqlSessionFactory(mappings));
			handedOver = mappings;
			log.info("The engine takes its mappings parsed during the start");
		});
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl engine) {
		if (handedOver == null) {
			return;
		}
		handedOver.setEnvironment(new Environment("default", engine.getTransactionFactory(), engine.getDataSource()));
		handedOver.setDefaultStatementTimeout(engine.getJdbcStatementTimeout());
		if (engine.isJdbcBatchProcessing()) {
			handedOver.setDefaultExecutorType(ExecutorType.BATCH);
		}
	}

	private static boolean isH2(ProcessEngineConfigurationImpl engine) {
		try (Connection connection = engine.getDataSource().getConnection()) {
			return "H2".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException e) {
			return false;
		}
	}

}
