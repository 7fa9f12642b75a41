package io.trunkguard.testsupport;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension for browser tests: when a test fails, saves a screenshot and the page's
 * HTML under {@code target/browser-failures/<class>.<method>.png|html}.
 */
public final class BrowserEvidenceOnFailure implements AfterTestExecutionCallback {

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent()) {
			Browser.get()
				.saveEvidence(context.getRequiredTestClass().getSimpleName() + "."
						+ context.getRequiredTestMethod().getName() + "-" + context.getDisplayName());
		}
	}

}
