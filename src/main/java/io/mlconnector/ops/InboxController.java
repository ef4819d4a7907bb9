package io.mlconnector.ops;

import java.util.List;
import java.util.Map;

import io.mlconnector.inbox.InboxEvents;
import io.mlconnector.inbox.InboxSource;
import io.mlconnector.inbox.InboxStatus;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox: what was received, and replay of failed events.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

	private final InboxEvents inbox;

	private final OperatorActions actions;

	InboxController(InboxEvents inbox, OperatorActions actions) {
		this.inbox = inbox;
		this.actions = actions;
	}

	@GetMapping
	Mono<List<InboxEvents.Row>> list(@RequestParam(required = false) InboxStatus status,
			@RequestParam(required = false) InboxSource source, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw Problems.badRequest("limit must be between 1 and 1000");
		}
		return this.actions.read(() -> this.inbox.list(status, source, type, limit));
	}

	@PostMapping("/{id}/replay")
	Mono<Map<String, Object>> replay(@PathVariable long id, Authentication who) {
		return this.actions.act(who, "inbox.replay", "inbox:" + id, null, () -> {
			try {
				InboxStatus previous = this.inbox.replay(id)
					.orElseThrow(() -> Problems.notFound("There is no inbox event " + id));
				return Map.of("id", id, "previousStatus", previous.name(), "status", InboxStatus.RECEIVED.name());
			}
			catch (IllegalStateException ex) {
				throw Problems.conflict(ex.getMessage());
			}
		});
	}

}
