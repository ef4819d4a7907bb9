package io.mlconnector.gusto;

import java.net.URI;
import java.util.Map;

import io.mlconnector.secrets.GrantStatus;
import io.mlconnector.secrets.OAuthGrant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
		assertThat(row.get("key_id")).isEqualTo("sandbox");
		assertThat(this.client.tokenInfo(TENANT).block().companyUuid()).isEqualTo(COMPANY);
		assertThat(this.jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'gusto.connect' ORDER BY id DESC")
			.query(String.class)
			.list()).first().isEqualTo("SUCCESS");
	}

	@Test
	void theStateIsSingleUse() {
		URI authorize = get(BASE + "/connect/gusto?tenant=" + TENANT).getHeaders().getLocation();
		String callback = get(authorize.toString()).getHeaders().getLocation().toString();
		assertThat(get(callback).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> replay = get(callback);

		assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(replay.getBody()).contains("already used");
	}

	@Test
	void anExpiredStateIsRefusedWithWhatToDo() {
		URI authorize = get(BASE + "/connect/gusto?tenant=" + TENANT).getHeaders().getLocation();
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
		URI authorize = get(BASE + "/connect/gusto?tenant=" + TENANT).getHeaders().getLocation();

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
		ResponseEntity<String> refused = get(BASE + "/connect/gusto?tenant=nobody");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(refused.getBody()).contains("no tenant 'nobody'");
	}

	@Test
	void aCallerWithoutAGrantIsToldToConnect() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.client.tokenInfo(TENANT).block())
			.isInstanceOf(GustoNotConnectedException.class)
			.hasMessageContaining("/connect/gusto?tenant=demo");
	}

}
