package io.mlconnector.tenant;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * A live check of one external system for one tenant: get a token, make one cheap read.
 * Each connector provides one; the operator API and the health endpoint run them.
 */
public interface ConnectionCheck {

	/**
	 * The system checked, for example {@code gusto} or {@code ifs}.
	 * @return the system's name
	 */
	String system();

	/**
	 * Whether the tenant has this system configured.
	 * @param tenant the tenant
	 * @return whether {@link #check(Tenant)} applies
	 */
	boolean appliesTo(Tenant tenant);

	/**
	 * Checks the connection.
	 * @param tenant the tenant
	 * @return the outcome; never an error signal
	 */
	Mono<Result> check(Tenant tenant);

	/**
	 * The outcome of a check.
	 *
	 * @param system the system checked
	 * @param ok whether token and read succeeded
	 * @param latency how long the check took
	 * @param detail what was checked, or exactly what failed and what to do
	 */
	record Result(String system, boolean ok, Duration latency, String detail) {

	}

}
