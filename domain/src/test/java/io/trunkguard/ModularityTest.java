package io.trunkguard;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain's business packages form Spring Modulith application modules without cycles
 * or internal access.
 */
class ModularityTest {

	@Test
	void domainModulesVerify() {
		ApplicationModules modules = ApplicationModules.of(DomainTestApplication.class);

		modules.verify();

		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).contains("people", "access",
				"vendor", "audit", "demo", "shared");
	}

}
