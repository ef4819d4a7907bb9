package io.mlconnector.ops;

import java.util.Map;
import java.util.concurrent.Callable;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;

/**
 * Runs operator work off the event loop and records every action in the audit trail: who
 * (the token's name), what, on which subject, and the outcome.
 */
class OperatorActions {

	private final AuditTrail audit;

	OperatorActions(AuditTrail audit) {
		this.audit = audit;
	}

	/**
	 * Reads without auditing.
	 */
	<T> Mono<T> read(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Acts and audits the outcome.
	 */
	<T> Mono<T> act(Authentication who, String action, String subject, String tenant, Callable<T> work) {
		return Mono.fromCallable(() -> {
			try {
				T result = work.call();
				this.audit.record(tenant, actor(who), action, subject, AuditOutcome.SUCCESS,
						Map.of("result", String.valueOf(result)));
				return result;
			}
			catch (ErrorResponseException ex) {
				this.audit.record(tenant, actor(who), action, subject, AuditOutcome.REJECTED,
						Map.of("reason", String.valueOf(ex.getBody().getDetail())));
				throw ex;
			}
			catch (Exception ex) {
				this.audit.record(tenant, actor(who), action, subject, AuditOutcome.FAILURE,
						Map.of("error", ex.getClass().getSimpleName() + ": " + ex.getMessage()));
				throw ex;
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private static String actor(Authentication who) {
		return "ops:" + ((who != null) ? who.getName() : "anonymous");
	}

}
