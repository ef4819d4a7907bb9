package io.mlconnector.ops;

import java.util.List;

import io.mlconnector.secrets.Secret;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Bearer tokens of the operator API: {@code Authorization: Bearer <token>} compared in
 * constant time with the configured operator and viewer tokens. The principal is the
 * token's name ({@code operator} or {@code viewer}), which the audit trail records.
 */
class OpsTokenAuthentication implements ReactiveAuthenticationManager, ServerAuthenticationConverter {

	static final String OPERATOR = "operator";

	static final String VIEWER = "viewer";

	private final List<NamedToken> tokens;

	OpsTokenAuthentication(OpsProperties properties) {
		this.tokens = java.util.stream.Stream
			.of(new NamedToken(OPERATOR, properties.token(), "ROLE_OPERATOR"),
					new NamedToken(VIEWER, properties.viewerToken(), "ROLE_VIEWER"))
			.filter((named) -> named.token() != null)
			.toList();
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Mono.empty();
		}
		return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated(null, header.substring(7).trim()));
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String presented = String.valueOf(authentication.getCredentials());
		// check every token, always, so timing does not tell which one nearly matched
		NamedToken match = null;
		for (NamedToken named : this.tokens) {
			if (named.token().matches(presented) && match == null) {
				match = named;
			}
		}
		if (match == null) {
			return Mono.error(new BadCredentialsException("the bearer token is not valid for this service"));
		}
		return Mono.just(UsernamePasswordAuthenticationToken.authenticated(match.name(), null,
				AuthorityUtils.createAuthorityList(match.role())));
	}

	private record NamedToken(String name, Secret token, String role) {

	}

}
