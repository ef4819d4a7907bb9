package io.mlconnector.ops;

import java.util.List;

import io.mlconnector.people.EmployeeLinks;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Whose sync failed, and what do I fix?": employees whose last sync to IFS or Visma
 * failed, with the reason, as the people flow records them.
 */
@RestController
@RequestMapping("/api/v1/people")
class PeopleController {

	private final EmployeeLinks links;

	private final OperatorActions actions;

	PeopleController(EmployeeLinks links, OperatorActions actions) {
		this.links = links;
		this.actions = actions;
	}

	@GetMapping("/failed")
	Mono<List<EmployeeLinks.Link>> failed(@RequestParam(required = false) String tenant,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw Problems.badRequest("limit must be between 1 and 1000");
		}
		return this.actions.read(() -> this.links.failed(tenant, limit));
	}

}
