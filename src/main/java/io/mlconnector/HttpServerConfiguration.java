package io.mlconnector;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP server's defences against slow clients: a read timeout between reads of a
 * request body and a limit on how long reading one body may take, on top of Boot's idle
 * timeout of connections ({@code server.netty.idle-timeout}). Together with the inbox's
 * cap on bodies read at once ({@code mlc.inbox.max-concurrent-bodies}), a slow-loris
 * sender holds neither a connection nor memory for long.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpServerProperties.class)
class HttpServerConfiguration {

	@Bean
	NettyServerCustomizer slowClientTimeouts(HttpServerProperties properties) {
		return (server) -> server.readTimeout(properties.readTimeout()).requestTimeout(properties.requestTimeout());
	}

}
