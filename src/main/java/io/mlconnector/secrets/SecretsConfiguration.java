package io.mlconnector.secrets;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The token cipher and the encrypted token store. The cipher is created on first use, so
 * a service without OAuth connections starts without {@code MLC_SECRET_KEY}; the first
 * token operation then fails with a message that says what to set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

	@Bean
	@Lazy
	TokenCipher tokenCipher(SecretsProperties properties) {
		return new TokenCipher(properties);
	}

	@Bean
	OAuthTokenStore oauthTokenStore(JdbcClient jdbc, @Lazy TokenCipher cipher, Clock clock) {
		return new OAuthTokenStore(jdbc, cipher, clock);
	}

}
