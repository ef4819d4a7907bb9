package io.mlconnector;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts of the HTTP server against slow clients (idle connections are closed after
 * {@code server.netty.idle-timeout}; header sizes are limited by
 * {@code server.max-http-request-header-size} and
 * {@code server.netty.max-initial-line-length}).
 *
 * @param readTimeout longest pause between two reads while a request's body arrives; a
 * client that stalls longer is disconnected
 * @param requestTimeout longest time for reading one request's body in full, however
 * steadily it trickles in
 */
@ConfigurationProperties("mlc.http")
public record HttpServerProperties(@DefaultValue("10s") Duration readTimeout,
		@DefaultValue("30s") Duration requestTimeout) {

}
