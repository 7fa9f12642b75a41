package io.trunkguard.questionnaire;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings of questionnaires ({@code trunkguard.questionnaire.*}).
 *
 * @param linkValidity how long a link opens its questionnaire
 * @param maxAttachment the largest file a contact may attach
 */
@ConfigurationProperties("trunkguard.questionnaire")
record QuestionnaireProperties(@DefaultValue("30d") Duration linkValidity,
		@DefaultValue("20MB") DataSize maxAttachment) {
}
