package io.trunkguard.deprovisioning.hr;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/**
 * Registers the HR clients' signature check as an argument resolver (absent in web slices
 * that load no HR settings).
 */
@Configuration(proxyBeanMethods = false)
class HrWebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<HrInputProperties> properties;

	private final ObjectProvider<HrRefusals> refusals;

	HrWebConfiguration(ObjectProvider<HrInputProperties> properties, ObjectProvider<HrRefusals> refusals) {
		this.properties = properties;
		this.refusals = refusals;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		HrInputProperties settings = properties.getIfAvailable();
		HrRefusals refusing = refusals.getIfAvailable();
		if (settings != null && refusing != null) {
			resolvers.add(new SignedBodyResolver(settings, refusing, Clock.systemUTC()));
		}
	}

}
