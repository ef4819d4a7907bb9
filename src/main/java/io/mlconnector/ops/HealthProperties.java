package io.mlconnector.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the health endpoint's own checks.
 *
 * @param connectionCache how long the result of a tenant connection check (a request to
 * Gusto, IFS, Visma or Slack) is reused, so that health probes do not spend the tenants'
 * rate budgets
 * @param liquibaseLockStuckAfter how long Liquibase's changelog lock may be held before
 * the health endpoint reports it as stuck (a start-up that died while migrating)
 */
@ConfigurationProperties("mlc.health")
public record HealthProperties(@DefaultValue("60s") Duration connectionCache,
		@DefaultValue("5m") Duration liquibaseLockStuckAfter) {

}
