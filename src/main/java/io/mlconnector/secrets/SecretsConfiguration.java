package io.mlconnector.secrets;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The token cipher and the encrypted token store. The cipher is built at start-up, so a
 * missing or malformed {@code MLC_SECRET_KEY} stops start-up with what to set instead of
 * failing the first OAuth connection or webhook handshake.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

	@Bean
	TokenCipher tokenCipher(SecretsProperties properties) {
		return new TokenCipher(properties);
	}

	@Bean
	OAuthTokenStore oauthTokenStore(JdbcClient jdbc, TokenCipher cipher, Clock clock) {
		return new OAuthTokenStore(jdbc, cipher, clock);
	}

}
