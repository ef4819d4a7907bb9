package io.mlconnector.ops;

import java.util.List;

import io.mlconnector.notify.SlackMessages;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Which IFS records did not reach Slack, and why?": the records whose last version could
 * not be notified, as {@code slack_message} holds them.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationsController {

	private final SlackMessages messages;

	private final OperatorActions actions;

	NotificationsController(SlackMessages messages, OperatorActions actions) {
		this.messages = messages;
		this.actions = actions;
	}

	@GetMapping("/failed")
	Mono<List<SlackMessages.Stored>> failed(@RequestParam(required = false) String tenant,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw Problems.badRequest("limit must be between 1 and 1000");
		}
		return this.actions.read(() -> this.messages.failed(tenant, limit));
	}

}
