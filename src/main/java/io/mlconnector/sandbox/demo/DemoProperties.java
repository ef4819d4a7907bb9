package io.mlconnector.sandbox.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The start-up demo of the sandbox profile.
 *
 * @param enabled whether the demo runs once the service is ready ({@code true} in the
 * {@code sandbox} profile, {@code false} in tests unless a test switches it on)
 * @param tenant the tenant the demo posts for; its Gusto connection must point at the
 * Gusto sandbox and its IFS connection at the IFS sandbox
 * @param employees employees of the generated Gusto company
 * @param seed seed of the generated company; the work location uuids, and so
 * {@code mapping.company-by-location} of the demo tenant, follow from it
 * @param timeout how long the demo waits for the posting before it reports a failure
 */
@ConfigurationProperties("mlc.sandbox.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("demo") String tenant,
		@DefaultValue("300") int employees, @DefaultValue("42") long seed, @DefaultValue("2m") Duration timeout) {

}
