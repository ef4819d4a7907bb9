package io.mlconnector.ops;

import java.time.Instant;
import java.util.List;

import io.mlconnector.audit.AuditEvent;
import io.mlconnector.audit.AuditTrail;
import reactor.core.publisher.Mono;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail, paged.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	private final AuditTrail audit;

	private final OperatorActions actions;

	AuditController(AuditTrail audit, OperatorActions actions) {
		this.audit = audit;
		this.actions = actions;
	}

	/**
	 * A page of audit events.
	 *
	 * @param page page number, from 0
	 * @param size page size
	 * @param events the events, newest first
	 */
	record Page(int page, int size, List<AuditEvent> events) {

	}

	@GetMapping
	Mono<Page> search(@RequestParam(required = false) String subject, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw Problems.badRequest("page must be 0 or more and size between 1 and 500");
		}
		return this.actions.read(() -> new Page(page, size, this.audit.search(subject, tenant, since, page, size)));
	}

}
