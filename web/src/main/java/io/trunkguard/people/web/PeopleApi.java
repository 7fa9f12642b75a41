package io.trunkguard.people.web;

import java.net.URI;
import java.time.LocalDate;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.trunkguard.people.EmploymentStatus;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonSearch;
import io.trunkguard.people.PersonService;
import io.trunkguard.web.PageResponse;

/** The people REST API: search, read, register, update, mark as left. */
@RestController
@RequestMapping("/api/people")
class PeopleApi {

	record LeaveRequest(LocalDate lastDay) {
	}

	private final PersonService people;

	PeopleApi(PersonService people) {
		this.people = people;
	}

	@GetMapping
	PageResponse<PersonResponse> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) EmploymentStatus status, @RequestParam(required = false) String department,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return PageResponse.of(people.search(new PersonSearch(q, status, department),
				PageResponse.request(page, size, Sort.by("fullName"))), PersonResponse::of);
	}

	@GetMapping("/{id}")
	PersonResponse get(@PathVariable PersonId id) {
		return PersonResponse.of(people.get(id));
	}

	@PostMapping
	ResponseEntity<PersonResponse> register(@RequestBody PersonRequest request, Authentication user) {
		PersonResponse created = PersonResponse.of(people.register(request.toDetails(), user.getName()));
		return ResponseEntity.created(URI.create("/api/people/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	PersonResponse update(@PathVariable PersonId id, @RequestBody PersonRequest request, Authentication user) {
		return PersonResponse.of(people.update(id, request.version(), request.toDetails(), user.getName()));
	}

	@PostMapping("/{id}/leave")
	PersonResponse markLeft(@PathVariable PersonId id, @RequestBody LeaveRequest request, Authentication user) {
		return PersonResponse.of(people.markLeft(id, request.lastDay(), user.getName()));
	}

}
