package io.mlconnector.gusto;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.secrets.IssuedTokens;
import io.mlconnector.secrets.OAuthTokenStore;
import io.mlconnector.tenant.GustoConnection;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Connects a tenant's Gusto company (OAuth authorization code grant):
 * {@code GET /connect/gusto?tenant=T} redirects to Gusto's authorize URL with a
 * single-use, expiring {@code state}; {@code GET /connect/gusto/callback} consumes the
 * state, exchanges the code, asks {@code GET /v1/token_info} which company the grant is
 * for, refuses any other than the tenant's configured company, stores the tokens
 * encrypted and records an audit event.
 */
class GustoConnectFlow {

	private static final Logger logger = LoggerFactory.getLogger(GustoConnectFlow.class);

	private final Tenants tenants;

	private final ConnectStates states;

	private final GustoOAuth oauth;

	private final OAuthTokenStore store;

	private final AuditTrail audit;

	private final GustoProperties properties;

	GustoConnectFlow(Tenants tenants, ConnectStates states, GustoOAuth oauth, OAuthTokenStore store, AuditTrail audit,
			GustoProperties properties) {
		this.tenants = tenants;
		this.states = states;
		this.oauth = oauth;
		this.store = store;
		this.audit = audit;
		this.properties = properties;
	}

	Mono<ServerResponse> start(ServerRequest request) {
		String tenantId = request.queryParam("tenant").orElse(null);
		if (tenantId == null || tenantId.isBlank()) {
			return refuse(HttpStatus.BAD_REQUEST, "add ?tenant=<tenant id> to choose the tenant to connect");
		}
		Tenant tenant = this.tenants.find(tenantId).orElse(null);
		if (tenant == null) {
			return refuse(HttpStatus.NOT_FOUND, "no tenant '" + tenantId + "' is configured");
		}
		if (tenant.gusto().isEmpty()) {
			return refuse(HttpStatus.BAD_REQUEST,
					"tenant " + tenantId + " has no Gusto connection configured (mlc.tenants." + tenantId + ".gusto)");
		}
		GustoConnection connection = tenant.gusto().get();
		return Mono.fromCallable(() -> this.states.issue(tenantId, this.properties.connectStateTtl()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((state) -> ServerResponse.status(HttpStatus.FOUND)
				.location(this.oauth.authorizeUrl(connection, state))
				.build());
	}

	Mono<ServerResponse> callback(ServerRequest request) {
		String error = request.queryParam("error").orElse(null);
		String state = request.queryParam("state").orElse(null);
		String code = request.queryParam("code").orElse(null);
		if (state == null || state.isBlank()) {
			return refuse(HttpStatus.BAD_REQUEST, "the callback has no state: start at /connect/gusto?tenant=<tenant>");
		}
		return Mono.fromCallable(() -> this.states.consume(state))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((consumed) -> {
				if (consumed.tenant() == null) {
					return audited(null, AuditOutcome.REJECTED, Map.of("reason", consumed.refusal()))
						.then(refuse(HttpStatus.BAD_REQUEST, consumed.refusal()));
				}
				String tenant = consumed.tenant();
				if (error != null) {
					String reason = "Gusto did not authorize: " + error + ". Start again at /connect/gusto?tenant="
							+ tenant;
					return audited(tenant, AuditOutcome.REJECTED, Map.of("reason", reason))
						.then(refuse(HttpStatus.BAD_REQUEST, reason));
				}
				if (code == null || code.isBlank()) {
					return refuse(HttpStatus.BAD_REQUEST,
							"the callback has no code: start again at " + "/connect/gusto?tenant=" + tenant);
				}
				return connect(tenant, code);
			});
	}

	private Mono<ServerResponse> connect(String tenant, String code) {
		GustoConnection connection = this.tenants.require(tenant).gusto().orElseThrow();
		return this.oauth.exchangeCode(tenant, connection, code)
			.flatMap((tokens) -> this.oauth.tokenInfo(tenant, connection, tokens.accessToken())
				.flatMap((info) -> check(tenant, connection, tokens, info)))
			.onErrorResume(GustoOAuth.RefreshRejectedException.class,
					(ex) -> audited(tenant, AuditOutcome.REJECTED, Map.of("reason", ex.getMessage())).then(refuse(
							HttpStatus.BAD_REQUEST,
							ex.getMessage()
									+ ". The code may have expired (10 minutes): start again at /connect/gusto?tenant="
									+ tenant)))
			.onErrorResume((ex) -> !(ex instanceof ConnectRefused), (ex) -> {
				logger.warn("Connecting Gusto for tenant {} failed: {}", tenant, ex.getMessage());
				return audited(tenant, AuditOutcome.FAILURE, Map.of("reason", String.valueOf(ex.getMessage())))
					// the cause goes to the log and the audit trail, not to the browser
					.then(refuse(HttpStatus.BAD_GATEWAY,
							"connecting Gusto for tenant " + tenant
									+ " failed; the service log and the audit event gusto.connect say why. "
									+ "Ask the operator for a new connect link"));
			})
			.onErrorResume(ConnectRefused.class, (ex) -> refuse(HttpStatus.FORBIDDEN, ex.getMessage()));
	}

	private Mono<ServerResponse> check(String tenant, GustoConnection connection, IssuedTokens tokens,
			GustoTokenInfo info) {
		String company = info.companyUuid();
		if (company == null || !company.equals(connection.companyUuid())) {
			String reason = "the Gusto grant is for company " + company + ", but tenant " + tenant
					+ " is configured for company " + connection.companyUuid()
					+ "; sign in to Gusto as an admin of that company and start again at /connect/gusto?tenant="
					+ tenant;
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("reason", reason);
			detail.put("granted_company", String.valueOf(company));
			return this.oauth.revoke(connection, tokens.accessToken())
				.onErrorResume((ex) -> Mono.empty())
				.then(audited(tenant, AuditOutcome.REJECTED, detail))
				.then(Mono.error(new ConnectRefused(reason)));
		}
		return Mono.fromCallable(() -> this.store.connect(tenant, GustoTokens.PROVIDER, company, tokens))
			.subscribeOn(Schedulers.boundedElastic())
			.then(audited(tenant, AuditOutcome.SUCCESS,
					Map.of("company_uuid", company, "scope", String.valueOf(tokens.scope()))))
			.then(ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("tenant", tenant, "company_uuid", company, "status", "connected")));
	}

	private Mono<Void> audited(String tenant, AuditOutcome outcome, Map<String, Object> detail) {
		return Mono
			.fromRunnable(() -> this.audit.record(tenant, "gusto-connect", "gusto.connect",
					"tenant:" + ((tenant != null) ? tenant : "?") + ":gusto", outcome, detail))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

	private static Mono<ServerResponse> refuse(HttpStatus status, String detail) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(Map.of("title", status.getReasonPhrase(), "status", status.value(), "detail", detail));
	}

	static class ConnectRefused extends RuntimeException {

		ConnectRefused(String message) {
			super(message);
		}

	}

}
