package io.trunkguard.questionnaire.web;

import io.trunkguard.web.LimitedUpload;
import io.trunkguard.web.UploadSizeLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A template spreadsheet larger than the server's multipart limit is sent back to the
 * templates page with a clear message by the shared {@link UploadSizeLimit}; nothing is
 * read or saved.
 */
@Configuration(proxyBeanMethods = false)
class TemplateUploadLimit {

	@Bean
	LimitedUpload templateUploads() {
		return LimitedUpload.of("^/vendors/questionnaire-templates$", "/vendors/questionnaire-templates");
	}

}
