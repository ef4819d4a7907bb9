package io.mlconnector.ops;

import java.time.Duration;

import io.mlconnector.secrets.Secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator API's access.
 *
 * @param token bearer token of operators, who may read and act ({@code MLC_OPS_TOKEN});
 * the service refuses to start without it outside the {@code sandbox} profile
 * @param viewerToken optional bearer token that may read but not act
 * ({@code MLC_OPS_VIEWER_TOKEN})
 * @param prometheusOpen whether {@code /actuator/prometheus} is open without a token;
 * keep it closed unless the port is only reachable by Prometheus (e.g. a separate
 * management port)
 * @param connectLinkLifetime how long a signed {@code /connect/gusto} link from
 * {@code POST /api/v1/tenants/{tenant}/gusto/connect-link} works
 */
@ConfigurationProperties("mlc.ops")
public record OpsProperties(Secret token, Secret viewerToken, @DefaultValue("false") boolean prometheusOpen,
		@DefaultValue("1h") Duration connectLinkLifetime) {

}
