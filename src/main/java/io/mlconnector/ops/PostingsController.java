package io.mlconnector.ops;

import java.util.List;

import io.mlconnector.payroll.PayrollPostingRecords;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Was payroll X posted, and where?": payroll postings with their IFS voucher keys and
 * totals, as the payroll flow reports them.
 */
@RestController
@RequestMapping("/api/v1/postings")
class PostingsController {

	private final PayrollPostingRecords postings;

	private final OperatorActions actions;

	PostingsController(PayrollPostingRecords postings, OperatorActions actions) {
		this.postings = postings;
		this.actions = actions;
	}

	@GetMapping
	Mono<List<PayrollPostingRecords.Posting>> list(@RequestParam(required = false) String tenant,
			@RequestParam(required = false) String payroll, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw Problems.badRequest("limit must be between 1 and 1000");
		}
		return this.actions.read(() -> this.postings.find(tenant, payroll, limit));
	}

}
