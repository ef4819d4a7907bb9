package io.mlconnector.ops;

import java.time.Clock;
import java.util.Arrays;

import io.mlconnector.secrets.SecretsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what. The operator API needs a bearer token (viewers read, operators act);
 * webhooks, Slack and the Gusto connect callback stay open to their senders and are
 * protected by their signatures and state; the connect flow starts only for an operator
 * (token or signed link); health and info are public; Prometheus is configurable.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(OpsProperties.class)
class OpsSecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(OpsSecurityConfiguration.class);

	@Bean
	OpsTokenAuthentication opsTokenAuthentication(OpsProperties properties, SecretsProperties secrets,
			Environment environment) {
		boolean sandbox = Arrays.asList(environment.getActiveProfiles()).contains("sandbox");
		if (properties.token() == null) {
			throw new MissingOperatorTokenException();
		}
		StartupSafetyCheck.check(environment, properties, secrets);
		if (sandbox && StartupSafetyCheck.SANDBOX_OPERATOR_TOKEN.equals(properties.token().value())) {
			// only the published demo token: one from the environment is never printed
			logger.info(
					"Operator API token (sandbox): {}  -> curl -H 'Authorization: Bearer {}' "
							+ "localhost:8080/api/v1/executions",
					properties.token().value(), properties.token().value());
		}
		else if (sandbox) {
			logger.info("Operator API token (sandbox): the one set in MLC_OPS_TOKEN (not printed)");
		}
		return new OpsTokenAuthentication(properties);
	}

	@Bean
	ConnectLinks connectLinks(OpsProperties properties, Clock clock) {
		if (properties.token() == null) {
			throw new MissingOperatorTokenException();
		}
		return new ConnectLinks(properties.token(), clock, properties.connectLinkLifetime());
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, OpsTokenAuthentication tokens,
			OpsProperties properties, ConnectLinks links) {
		AuthenticationWebFilter bearer = new AuthenticationWebFilter(tokens);
		bearer.setServerAuthenticationConverter(tokens);
		bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		// the simulators check their own bearer tokens (IFS IAM, Gusto OAuth): operator
		// tokens are not looked for there
		bearer.setRequiresAuthenticationMatcher(
				new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/sandbox/**")));
		bearer.setAuthenticationFailureHandler((exchange, ex) -> ProblemResponses.write(exchange.getExchange(),
				HttpStatus.UNAUTHORIZED, "The bearer token is not valid for this service."));
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange((exchanges) -> {
				exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
				if (properties.prometheusOpen()) {
					exchanges.pathMatchers("/actuator/prometheus").permitAll();
				}
				exchanges.pathMatchers("/actuator/**")
					.hasAnyRole("OPERATOR", "VIEWER")
					// signed by their senders; verified by the inbox and the connect flow
					.pathMatchers(HttpMethod.POST, "/webhooks/gusto", "/slack/commands", "/slack/interactions",
							"/slack/events")
					.permitAll()
					// protected by its single-use state
					.pathMatchers("/connect/gusto/callback")
					.permitAll()
					// starts the flow (and writes its state) only for an operator: the
					// operator token or a signed link from the operator API
					.pathMatchers(ConnectLinks.PATH)
					.access((authentication,
							context) -> links.verify(
									context.getExchange().getRequest())
											? Mono.just(new AuthorizationDecision(true))
											: authentication
												.map((who) -> who.isAuthenticated() && who.getAuthorities()
													.stream()
													.anyMatch((granted) -> "ROLE_OPERATOR"
														.equals(granted.getAuthority())))
												.defaultIfEmpty(false)
												.map(AuthorizationDecision::new))
					// the simulators exist in the sandbox profile only and check their
					// own credentials
					.pathMatchers("/sandbox/**")
					.permitAll()
					.pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
							"/webjars/**")
					.permitAll()
					.pathMatchers(HttpMethod.GET, "/api/v1/**")
					.hasAnyRole("OPERATOR", "VIEWER")
					.pathMatchers("/api/v1/**")
					.hasRole("OPERATOR")
					.anyExchange()
					.denyAll();
			})
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((exchange, ex) -> ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED,
						"This endpoint needs 'Authorization: Bearer <token>' with the operator or viewer token."))
				.accessDeniedHandler((exchange, ex) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
						"The viewer token may read but not act; use the operator token.")))
			.build();
	}

}
