package io.trunkguard.deprovisioning.hr;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/** Registers the HR clients' signature check as an argument resolver. */
@Configuration(proxyBeanMethods = false)
class HrWebConfiguration implements WebMvcConfigurer {

	private final HrInputProperties properties;

	private final HrRefusals refusals;

	HrWebConfiguration(HrInputProperties properties, HrRefusals refusals) {
		this.properties = properties;
		this.refusals = refusals;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new SignedBodyResolver(properties, refusals, Clock.systemUTC()));
	}

}
