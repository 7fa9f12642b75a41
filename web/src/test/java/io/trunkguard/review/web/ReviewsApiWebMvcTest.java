package io.trunkguard.review.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.access.SystemId;
import io.trunkguard.review.CampaignId;
import io.trunkguard.review.CampaignLauncher;
import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.InboxFilter;
import io.trunkguard.review.ReviewDecisionService;
import io.trunkguard.review.ReviewDeniedException;
import io.trunkguard.review.ReviewFlag;
import io.trunkguard.review.ReviewItemId;
import io.trunkguard.review.ReviewItems;

/**
 * The access review API controller alone: query parameters become the inbox query (page
 * clamped), whose items a caller may list, and refusals as RFC 9457 problem details. The
 * domain services are replaced; what they do is tested in the domain and end to end.
 */
@WebMvcTest(ReviewsApi.class)
@ContextConfiguration(classes = TrunkguardApplication.class)
class ReviewsApiWebMvcTest {

	static final CampaignId CAMPAIGN = CampaignId.random();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CampaignQueryService queries;

	@MockitoBean
	ReviewDecisionService decisions;

	@MockitoBean
	CampaignLauncher launcher;

	@Test
	void bindsTheInboxQueryAndClampsThePage() throws Exception {
		SystemId system = SystemId.random();
		InboxFilter filter = new InboxFilter("sbc", ReviewFlag.PRIVILEGED, true, system);
		PageRequest clamped = PageRequest.of(0, ReviewsApi.MAX_INBOX_PAGE, ReviewItems.BY_SYSTEM);
		given(queries.inbox(CAMPAIGN, "rita", filter, clamped)).willReturn(Page.empty(clamped));

		mvc.perform(get("/api/reviews/campaigns/{id}/items", CAMPAIGN).with(user("rita").roles("reviewer"))
			.param("q", "sbc")
			.param("flag", "PRIVILEGED")
			.param("undecided", "true")
			.param("system", system.toString())
			.param("page", "-3")
			.param("size", "100000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(ReviewsApi.MAX_INBOX_PAGE))
			.andExpect(jsonPath("$.content").isEmpty());
	}

	@Test
	void listsTheCallersOwnItemsByDefaultWithTheDefaultPage() throws Exception {
		PageRequest first = PageRequest.of(0, 100, ReviewItems.BY_SYSTEM);
		given(queries.inbox(CAMPAIGN, "rita", InboxFilter.none(), first)).willReturn(Page.empty(first));

		mvc.perform(get("/api/reviews/campaigns/{id}/items", CAMPAIGN).with(user("rita").roles("reviewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(100));
	}

	@Test
	void refusesAReviewerAnotherReviewersItems() throws Exception {
		mvc.perform(get("/api/reviews/campaigns/{id}/items", CAMPAIGN).with(user("rita").roles("reviewer"))
			.param("reviewer", "olga")).andExpect(status().isForbidden());

		then(queries).should(never()).inbox(any(), anyString(), any(), any());
	}

	@Test
	void answersAFlagThatIsNoneWithABadRequestProblem() throws Exception {
		mvc.perform(get("/api/reviews/campaigns/{id}/items", CAMPAIGN).with(user("rita").roles("reviewer"))
			.param("flag", "EVERYTHING"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));

		then(queries).should(never()).inbox(any(), anyString(), any(), any());
	}

	@Test
	void answersADecisionWithoutItemsWithAProblemNamingTheField() throws Exception {
		mvc.perform(post("/api/reviews/decisions").with(user("rita").roles("reviewer"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"KEEP\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("review.items-required"))
			.andExpect(jsonPath("$.errors.itemIds").value("required"));
	}

	@Test
	void answersADecisionOnSomeoneElsesItemWithForbidden() throws Exception {
		ReviewItemId item = ReviewItemId.random();
		given(decisions.decide(List.of(item), io.trunkguard.review.Decision.REVOKE, null, "left the company", "rita"))
			.willThrow(new ReviewDeniedException("item.not-reviewer", "the item " + item + " is not assigned to rita"));

		mvc.perform(post("/api/reviews/decisions").with(user("rita").roles("reviewer"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"itemIds":["%s"],"decision":"REVOKE","justification":"left the company"}
					""".formatted(item)))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.code").value("item.not-reviewer"));
	}

}
