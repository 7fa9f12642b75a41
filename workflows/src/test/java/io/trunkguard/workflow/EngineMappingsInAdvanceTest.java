package io.trunkguard.workflow;

import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mappings parsed during the start are the ones the engine parses itself, and an
 * engine built on them works (a real engine on H2 in memory each time).
 */
class EngineMappingsInAdvanceTest {

	@Test
	void parsesTheSameStatementsAsTheEngineAndTheEngineRunsOnThem() {
		EngineMappingsInAdvance inAdvance = startedFor("jdbc:h2:mem:mappings-in-advance;DB_CLOSE_DELAY=-1");
		Configuration parsed = inAdvance.mappings().orElseThrow();

		ProcessEngine own = engine("mappings-own", configuration -> {
		});
		ProcessEngine handedOver = engine("mappings-handed-over",
				configuration -> configuration.getProcessEnginePlugins().add(new EngineMappingsPlugin(inAdvance)));
		try {
			Configuration ownMappings = mappingsOf(own);
			assertThat(mappingsOf(handedOver)).isSameAs(parsed);
			assertThat(statements(parsed)).isEqualTo(statements(ownMappings)).hasSizeGreaterThan(500);
			assertThat(parsed.getResultMapNames()).containsExactlyInAnyOrderElementsOf(ownMappings.getResultMapNames());
			assertThat(parsed.getEnvironment().getDataSource())
				.isSameAs(handedOver.getProcessEngineConfiguration().getDataSource());
			assertThat(parsed.getDefaultExecutorType()).isEqualTo(ownMappings.getDefaultExecutorType());

			handedOver.getRepositoryService()
				.createDeployment()
				.addModelInstance("check.bpmn",
						Bpmn.createExecutableProcess("check")
							.camundaHistoryTimeToLive(1)
							.startEvent()
							.userTask("Task_Check")
							.endEvent()
							.done())
				.deploy();
			var instance = handedOver.getRuntimeService().startProcessInstanceByKey("check");
			assertThat(handedOver.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
				.isEqualTo(1);
		}
		finally {
			own.close();
			handedOver.close();
		}
	}

	@Test
	void parsesNothingInAdvanceForOtherDatabases() {
		assertThat(startedFor("jdbc:postgresql://localhost/trunkguard").mappings()).isEmpty();
	}

	@Test
	void parsesNothingInAdvanceWhenTheUrlNamesAVariableThatIsNotSet() {
		// the PostgreSQL profile's ${TRUNKGUARD_DB_URL}, when the data source is a bean
		assertThat(startedFor("${TRUNKGUARD_DB_URL_NOT_SET}").mappings()).isEmpty();
	}

	private static EngineMappingsInAdvance startedFor(String url) {
		EngineMappingsInAdvance inAdvance = new EngineMappingsInAdvance();
		inAdvance.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", url));
		inAdvance.postProcessBeanFactory(new DefaultListableBeanFactory());
		return inAdvance;
	}

	private static ProcessEngine engine(String name, Consumer<ProcessEngineConfigurationImpl> customise) {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		// a data source given to the engine, as Camunda's Spring Boot starter gives it
		// the application's
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		configuration.setDataSource(dataSource);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setJobExecutorActivate(false);
		customise.accept(configuration);
		return configuration.buildProcessEngine();
	}

	private static Configuration mappingsOf(ProcessEngine engine) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
			.getConfiguration();
	}

	/** Every statement by id: its kind, its SQL source's kind and its result maps. */
	private static Map<String, String> statements(Configuration mappings) {
		Map<String, String> statements = new TreeMap<>();
		for (Object each : mappings.getMappedStatements()) {
			if (each instanceof MappedStatement statement) {
				statements.put(statement.getId(),
						statement.getSqlCommandType() + " " + statement.getSqlSource().getClass().getSimpleName() + " "
								+ statement.getResultMaps().stream().map(map -> map.getId()).toList());
			}
		}
		return statements;
	}

}
