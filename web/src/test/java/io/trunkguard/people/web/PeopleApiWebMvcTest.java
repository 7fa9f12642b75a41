package io.trunkguard.people.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.trunkguard.TrunkguardApplication;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.NotFoundException;

/**
 * The people API controller alone: requests become use case calls, and refusals become
 * RFC 9457 problem details. The service is replaced; its validation is reproduced with
 * the real constraints of {@link PersonDetails} so the problem carries the real messages.
 */
@WebMvcTest(PeopleApi.class)
@ContextConfiguration(classes = TrunkguardApplication.class)
class PeopleApiWebMvcTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PersonService people;

	@Test
	void answersInvalidDetailsWithAProblemNamingEachField() throws Exception {
		PersonDetails invalid = new PersonDetails("bad id!", "", "not-an-email", null, null, null,
				EmploymentType.EMPLOYEE, LocalDate.of(2026, 1, 1), null);
		given(people.register(any(), eq("compliance-lead"))).willThrow(violationsOf(invalid));

		mvc.perform(post("/api/people").with(user("compliance-lead").roles("compliance-lead"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"hrId":"bad id!","fullName":"","email":"not-an-email","employmentType":"EMPLOYEE",
					 "startDate":"2026-01-01"}
					"""))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.errors.hrId").exists())
			.andExpect(jsonPath("$.errors.fullName").exists())
			.andExpect(jsonPath("$.errors.email").exists());
	}

	@Test
	void answersUnreadableJsonWithABadRequestProblem() throws Exception {
		mvc.perform(post("/api/people").with(user("admin").roles("admin"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"startDate\": \"yesterday\""))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.status").value(400));
	}

	@Test
	void answersAnUnknownPersonWithNotFound() throws Exception {
		PersonId id = PersonId.random();
		given(people.get(id)).willThrow(new NotFoundException("Person", id));

		mvc.perform(get("/api/people/" + id).with(user("auditor").roles("auditor")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("person.not-found"))
			.andExpect(jsonPath("$.detail").value(NotFoundException.sentence("Person")))
			.andExpect(jsonPath("$.id").value(id.toString()));
	}

	@Test
	void answersAMalformedIdWithBadRequest() throws Exception {
		mvc.perform(get("/api/people/not-a-uuid").with(user("auditor").roles("auditor")))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
	}

	@Test
	void answersADuplicateWithConflict() throws Exception {
		given(people.register(any(), eq("admin")))
			.willThrow(new ConflictException("person.duplicate-hr-id", "HR id E-1 is taken"));

		mvc.perform(post("/api/people").with(user("admin").roles("admin"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"hrId":"E-1","fullName":"Ada","email":"ada@example.com","employmentType":"EMPLOYEE",
					 "startDate":"2026-01-01"}
					"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("person.duplicate-hr-id"))
			.andExpect(jsonPath("$.type").value("https://trunkguard.io/problems/person.duplicate-hr-id"));
	}

	@Test
	void registersWithTheCallerAsActorAndAnswersCreated() throws Exception {
		PersonDetails details = new PersonDetails("E-2", "Grace Hopper", "grace@example.com", null, null, "Voice",
				EmploymentType.EMPLOYEE, LocalDate.of(2026, 2, 1), null);
		Person registered = Person.register(PersonId.random(), details, "admin", java.time.Instant.now());
		given(people.register(details, "admin")).willReturn(registered);

		mvc.perform(post("/api/people").with(user("admin").roles("admin"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"hrId":"E-2","fullName":"Grace Hopper","email":"grace@example.com",
					 "department":"Voice","employmentType":"EMPLOYEE","startDate":"2026-02-01"}
					"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/people/" + registered.getId()))
			.andExpect(jsonPath("$.fullName").value("Grace Hopper"))
			.andExpect(jsonPath("$.employmentStatus").value("ACTIVE"));
	}

	@Test
	void refusesAWriteWithoutCsrfToken() throws Exception {
		mvc.perform(post("/api/people").with(user("admin").roles("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
	}

	private static ConstraintViolationException violationsOf(PersonDetails details) {
		Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
		return new ConstraintViolationException(validator.validate(details));
	}

}
