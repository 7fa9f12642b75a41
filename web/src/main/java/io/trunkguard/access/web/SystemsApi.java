package io.trunkguard.access.web;

import java.net.URI;

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

import io.trunkguard.access.AccessService;
import io.trunkguard.access.SystemId;
import io.trunkguard.access.SystemKind;
import io.trunkguard.web.PageResponse;

/** The systems REST API: search, read, register, update. */
@RestController
@RequestMapping("/api/systems")
class SystemsApi {

	private final AccessService access;

	SystemsApi(AccessService access) {
		this.access = access;
	}

	@GetMapping
	PageResponse<SystemResponse> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) SystemKind kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return PageResponse.of(access.searchSystems(q, kind, PageResponse.request(page, size, Sort.by("name"))),
				SystemResponse::of);
	}

	@GetMapping("/{id}")
	SystemResponse get(@PathVariable SystemId id) {
		return SystemResponse.of(access.getSystem(id));
	}

	@PostMapping
	ResponseEntity<SystemResponse> register(@RequestBody SystemRequest request, Authentication user) {
		SystemResponse created = SystemResponse.of(access.registerSystem(request.toDetails(), user.getName()));
		return ResponseEntity.created(URI.create("/api/systems/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	SystemResponse update(@PathVariable SystemId id, @RequestBody SystemRequest request, Authentication user) {
		return SystemResponse.of(access.updateSystem(id, request.version(), request.toDetails(), user.getName()));
	}

}
