package io.trunkguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.EmbeddedDefaultTest;

/**
 * An unknown (well-formed) id answers 404 with a sentence about the business, on a page
 * and in the API, without the id or the type's name in what a person reads; the API gives
 * the id in a field of its own.
 */
@EmbeddedDefaultTest
class NotFoundSentencesIntegrationTest {

	static final String SENTENCE = "There is no carrier at this address; it may have been removed.";

	@Autowired
	MockMvc mvc;

	@Test
	void anUnknownCarrierOnItsPageAnswers404WithTheSentence() throws Exception {
		UUID unknown = UUID.randomUUID();

		String page = mvc.perform(get("/vendors/" + unknown).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains(SENTENCE).doesNotContain(unknown.toString()).doesNotContain("Vendor ");
	}

	@Test
	void anUnknownCarrierInTheApiAnswers404WithTheSentenceAndTheIdApart() throws Exception {
		UUID unknown = UUID.randomUUID();

		mvc.perform(get("/api/vendors/" + unknown).with(user("compliance-lead").roles("compliance-lead")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Not found"))
			.andExpect(jsonPath("$.detail").value(SENTENCE))
			.andExpect(jsonPath("$.code").value("vendor.not-found"))
			.andExpect(jsonPath("$.id").value(unknown.toString()));
	}

}
