package io.trunkguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line switches between serving and the audit verify command. */
class TrunkguardApplicationTest {

	@Test
	void recognisesTheVerifyFlagWithOrWithoutValue() {
		assertThat(TrunkguardApplication.verifyCommandRequested("--trunkguard.audit.verify-and-exit")).isTrue();
		assertThat(TrunkguardApplication.verifyCommandRequested("--trunkguard.audit.verify-and-exit=true")).isTrue();
		assertThat(TrunkguardApplication.verifyCommandRequested("--server.port=9090")).isFalse();
		assertThat(TrunkguardApplication.verifyCommandRequested()).isFalse();
	}

	@Test
	void recognisesThePackVerifyFlagWithItsFile() {
		assertThat(TrunkguardApplication.packVerifyRequested("--trunkguard.pack.verify=/tmp/pack.zip")).isTrue();
		assertThat(TrunkguardApplication.packVerifyRequested("--trunkguard.audit.verify-and-exit")).isFalse();
		assertThat(TrunkguardApplication.packVerifyRequested()).isFalse();
	}

	@Test
	void runsTheVerifyCommandWithoutListeningJobsOrDemoDataWhateverTheConfigurationSays() {
		assertThat(TrunkguardApplication.verifyCommandArguments(
				new String[] { "--spring.profiles.active=postgres", "--trunkguard.audit.verify-and-exit" }))
			.containsExactly("--spring.profiles.active=postgres", "--trunkguard.audit.verify-and-exit=true",
					"--server.port=-1", "--camunda.bpm.job-execution.enabled=false",
					"--camunda.bpm.webapp.enabled=false", "--spring.flyway.enabled=false",
					"--spring.jpa.hibernate.ddl-auto=none", "--camunda.bpm.database.schema-update=false",
					"--camunda.bpm.auto-deployment-enabled=false", "--camunda.bpm.metrics.enabled=false",
					"--trunkguard.demo.enabled=false", "--trunkguard.siem.enabled=false",
					"--trunkguard.audit.sweep-enabled=false", "--spring.main.banner-mode=off");
	}

}
