package io.trunkguard.workflow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The engine's start: its MyBatis mappings parsed beside the rest of the start (H2). */
@Configuration(proxyBeanMethods = false)
class EngineStartConfiguration {

	@Bean
	static EngineMappingsInAdvance engineMappingsInAdvance() {
		return new EngineMappingsInAdvance();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	EngineMappingsPlugin engineMappingsPlugin(EngineMappingsInAdvance engineMappingsInAdvance) {
		return new EngineMappingsPlugin(engineMappingsInAdvance);
	}

}
