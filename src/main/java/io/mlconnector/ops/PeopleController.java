package io.mlconnector.ops;

import java.util.List;

import io.mlconnector.people.EmployeeLinks;
import io.mlconnector.people.PeopleHeadcounts;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "How many people does each system hold?" and "whose sync failed, and what do I fix?":
 * the headcount of the last people sweep, and employees whose last sync to IFS or Visma
 * failed, with the reason, as the people flow records them.
 */
@RestController
@RequestMapping("/api/v1/people")
class PeopleController {

	private final EmployeeLinks links;

	private final PeopleHeadcounts headcounts;

	private final OperatorActions actions;

	PeopleController(EmployeeLinks links, PeopleHeadcounts headcounts, OperatorActions actions) {
		this.links = links;
		this.headcounts = headcounts;
		this.actions = actions;
	}

	/**
	 * Headcount per system as the last people sweep counted it: Gusto's employed, IFS's
	 * Active resources with a Gusto reference, Visma's Active employees numbered by the
	 * sync.
	 */
	@GetMapping("/headcount")
	Mono<List<PeopleHeadcounts.Headcount>> headcount(@RequestParam(required = false) String tenant) {
		return this.actions.read(() -> this.headcounts.all(tenant));
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
