package io.mlconnector.gusto;

import java.net.URI;
import java.util.Map;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.secrets.GrantStatus;
import io.mlconnector.secrets.OAuthGrant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class GustoConnectFlowIntegrationTests extends GustoSandboxTestSupport {

	@BeforeEach
	void forgetGrants() {
		this.jdbc.sql("DELETE FROM oauth_token").update();
		this.jdbc.sql("DELETE FROM oauth_state").update();
	}

	@Test
	void connectingStoresEncryptedTokensForTheTenantsCompanyAndAuditsIt() {
		ResponseEntity<String> connected = connect(null);

		assertThat(connected.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(connected.getBody()).contains("\"status\":\"connected\"").contains(COMPANY);
		OAuthGrant grant = this.store.find(TENANT, "GUSTO").orElseThrow();
		assertThat(grant.status()).isEqualTo(GrantStatus.ACTIVE);
		assertThat(grant.externalAccount()).isEqualTo(COMPANY);
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM oauth_token WHERE tenant = ?")
			.param(TENANT)
			.query()
			.singleRow();
		assertThat((String) row.get("access_token_enc")).doesNotContain(grant.accessToken().value());
		assertThat((String) row.get("refresh_token_enc")).doesNotContain(grant.refreshToken().value());
		assertThat(row.get("key_id")).isEqualTo("test");
		assertThat(this.client.tokenInfo(TENANT).block().companyUuid()).isEqualTo(COMPANY);
		assertThat(this.jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'gusto.connect' ORDER BY id DESC")
			.query(String.class)
			.list()).first().isEqualTo("SUCCESS");
	}

	@Test
	void theStateIsSingleUse() {
		URI authorize = startConnect(TENANT).getHeaders().getLocation();
		String callback = get(authorize.toString()).getHeaders().getLocation().toString();
		assertThat(get(callback).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> replay = get(callback);

		assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(replay.getBody()).contains("already used");
	}

	@Test
	void anExpiredStateIsRefusedWithWhatToDo() {
		URI authorize = startConnect(TENANT).getHeaders().getLocation();
		this.jdbc.sql("UPDATE oauth_state SET expires_at = '2000-01-01 00:00:00'").update();
		String callback = get(authorize.toString()).getHeaders().getLocation().toString();

		ResponseEntity<String> refused = get(callback);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("expired").contains("/connect/gusto?tenant=demo");
		assertThat(this.store.find(TENANT, "GUSTO")).isEmpty();
	}

	@Test
	void anUnknownStateIsRefused() {
		ResponseEntity<String> refused = get(BASE + "/connect/gusto/callback?code=abc&state=forged");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("unknown");
		assertThat(this.store.find(TENANT, "GUSTO")).isEmpty();
	}

	@Test
	void theAuthorizeUrlCarriesClientRedirectAndState() {
		URI authorize = startConnect(TENANT).getHeaders().getLocation();

		Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
		assertThat(authorize.getPath()).isEqualTo("/sandbox/gusto/oauth/authorize");
		assertThat(query).containsEntry("client_id", "sandbox-gusto-client")
			.containsEntry("response_type", "code")
			.containsKey("state");
		assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(40);
	}

	@Test
	void aGrantForAnotherCompanyIsRefusedAndNothingIsStored() {
		String other = admin("POST", "/_admin/companies", Map.of("employees", 3, "seed", 7)).path("company_uuid")
			.asString();

		ResponseEntity<String> refused = connect(other);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody()).contains("is for company " + other).contains(COMPANY);
		assertThat(this.store.find(TENANT, "GUSTO")).isEmpty();
		assertThat(this.jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'gusto.connect' ORDER BY id DESC")
			.query(String.class)
			.list()).first().isEqualTo("REJECTED");
	}

	@Test
	void anUnknownTenantGetsNotFound() {
		ResponseEntity<String> refused = startConnect("nobody");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(refused.getBody()).contains("no tenant 'nobody'");
	}

	@Test
	void withoutTheOperatorTokenOrASignedLinkTheFlowDoesNotStartAndWritesNothing() {
		long states = this.jdbc.sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single();

		ResponseEntity<String> known = get(BASE + "/connect/gusto?tenant=" + TENANT);
		ResponseEntity<String> unknown = get(BASE + "/connect/gusto?tenant=nobody");
		ResponseEntity<String> viewer = this.http.get()
			.uri(URI.create(BASE + "/connect/gusto?tenant=" + TENANT))
			.header("Authorization", "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN)
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(java.time.Duration.ofSeconds(30));

		assertThat(known.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(unknown.getBody()).isEqualTo(known.getBody());
		assertThat(viewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single()).isEqualTo(states);
	}

	@Test
	void aSignedLinkFromTheOperatorApiStartsTheFlowInABrowserUntilItExpires() {
		JsonNode link = this.http.post()
			.uri(BASE + "/api/v1/tenants/" + TENANT + "/gusto/connect-link")
			.header("Authorization", "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(java.time.Duration.ofSeconds(30));
		String url = link.path("url").asString();
		assertThat(url).startsWith(BASE + "/connect/gusto?tenant=demo&expires=").contains("&signature=");

		// opened without any header, as a browser would
		ResponseEntity<String> started = get(url);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(started.getHeaders().getLocation().getPath()).isEqualTo("/sandbox/gusto/oauth/authorize");

		// a changed tenant, expiry or signature is refused
		long states = this.jdbc.sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single();
		assertThat(get(url.replace("tenant=demo", "tenant=other")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		String expires = UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst("expires");
		assertThat(
				get(url.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 3600))).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(get(url.replace("&signature=", "&signature=x")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(get(url.replace("expires=" + expires, "expires=1")).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single()).isEqualTo(states);
	}

	@Test
	void aCallerWithoutAGrantIsToldToConnect() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.client.tokenInfo(TENANT).block())
			.isInstanceOf(GustoNotConnectedException.class)
			.hasMessageContaining("/connect/gusto?tenant=demo");
	}

}
