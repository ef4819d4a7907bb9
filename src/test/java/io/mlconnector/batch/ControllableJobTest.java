package io.mlconnector.batch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application context for the tests of job recovery and of inbox events that wait for
 * their jobs: {@link ControllableJob} and its route, the dispatcher run by the tests, and
 * a recovery that checks every second with thresholds no other test context uses (stale
 * after 30 s where the default is 1 min, unowned after 20 min where it is 1 h), so that
 * only this context recovers what these tests leave stale.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mlc.inbox.dispatcher.enabled=false", "mlc.inbox.dispatcher.max-attempts=3",
				"mlc.inbox.dispatcher.initial-backoff=0s", "mlc.inbox.catch-up.initial-delay=1h",
				"mlc.gusto.connection-check=false", "mlc.batch.recovery.heartbeat-interval=2s",
				"mlc.batch.recovery.stale-after=30s", "mlc.batch.recovery.unowned-stale-after=20m",
				"mlc.batch.recovery.check-interval=1s" })
@AutoConfigureWebTestClient
@ActiveProfiles("acme")
@Import(ControllableJob.Configuration.class)
public @interface ControllableJobTest {

}
