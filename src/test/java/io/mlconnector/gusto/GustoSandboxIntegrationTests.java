package io.mlconnector.gusto;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox behaves as Gusto documents (or, where marked, as the reference assumes),
 * seen from a plain HTTP client.
 */
class GustoSandboxIntegrationTests extends GustoSandboxTestSupport {

	@Test
	void theOldRefreshTokenStaysValidUntilTheNewAccessTokenIsFirstUsed() {
		JsonNode first = exchangeCode();
		JsonNode second = token("refresh_token", first.path("refresh_token").asString());
		JsonNode again = token("refresh_token", first.path("refresh_token").asString());
		assertThat(again.path("access_token").asString()).isNotBlank();

		assertThat(call("/v1/token_info", again.path("access_token").asString()).getStatusCode().value())
			.isEqualTo(200);

		ResponseEntity<String> reused = tokenResponse("refresh_token", first.path("refresh_token").asString());
		assertThat(reused.getStatusCode().value()).isEqualTo(401);
		assertThat(reused.getBody()).contains("invalid_token");
		assertThat(token("refresh_token", second.path("refresh_token").asString()).path("access_token").asString())
			.isNotBlank();
	}

	@Test
	void expiredAndUnknownAccessTokensGet401InGustosErrorShape() {
		String access = exchangeCode().path("access_token").asString();
		admin("POST", "/_admin/tokens", Map.of("expire_all", true));

		ResponseEntity<String> expired = call("/v1/token_info", access);
		ResponseEntity<String> unknown = call("/v1/token_info", "made-up");

		assertThat(expired.getStatusCode().value()).isEqualTo(401);
		assertThat(expired.getBody()).contains("\"category\":\"invalid_token\"");
		assertThat(unknown.getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void overTheRollingWindowTheSandboxAnswers429WithRetryAfterAndRateLimitHeaders() {
		admin("POST", "/_admin/rate-limit", Map.of("requests", 5, "window_seconds", 2));
		String access = exchangeCode().path("access_token").asString();
		for (int i = 0; i < 5; i++) {
			ResponseEntity<String> ok = call("/v1/token_info", access);
			assertThat(ok.getStatusCode().value()).isEqualTo(200);
			assertThat(ok.getHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("5");
			assertThat(ok.getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo(String.valueOf(4 - i));
			assertThat(ok.getHeaders().getFirst("X-RateLimit-Reset"))
				.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
		}

		ResponseEntity<String> limited = call("/v1/token_info", access);

		assertThat(limited.getStatusCode().value()).isEqualTo(429);
		assertThat(Long.parseLong(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 2L);
		assertThat(limited.getBody()).contains("rate_limit_exceeded");
	}

	@Test
	void pagesCarryTheDocumentedHeadersAndPerIsClampedToTheMaximum() {
		admin("POST", "/_admin/companies", Map.of("company_uuid", COMPANY, "employees", 250, "seed", 3));
		String access = exchangeCode().path("access_token").asString();

		ResponseEntity<String> page = call("/v1/companies/" + COMPANY + "/employees?page=3&per=500", access);
		ResponseEntity<String> all = call("/v1/companies/" + COMPANY + "/employees", access);

		assertThat(page.getHeaders().getFirst("X-Page")).isEqualTo("3");
		assertThat(page.getHeaders().getFirst("X-Per-Page")).isEqualTo("100");
		assertThat(page.getHeaders().getFirst("X-Total-Count")).isEqualTo("250");
		assertThat(page.getHeaders().getFirst("X-Total-Pages")).isEqualTo("3");
		assertThat(page.getBody().split("\"first_name\"")).hasSize(51);
		assertThat(all.getHeaders().getFirst("X-Total-Pages")).as("no page asked, no paging").isNull();
		assertThat(all.getBody().split("\"first_name\"")).hasSize(251);
	}

	@Test
	void theApiVersionHeaderIsEchoedAndBadVersionsGet406() {
		String access = exchangeCode().path("access_token").asString();

		assertThat(call("/v1/token_info", access).getHeaders().getFirst("X-Gusto-API-Version")).isEqualTo("2024-04-01");
		ResponseEntity<String> malformed = call("/v1/token_info", access, "2023");
		ResponseEntity<String> tooOld = call("/v1/token_info", access, "2022-09-15");

		assertThat(malformed.getStatusCode().value()).isEqualTo(406);
		assertThat(malformed.getBody()).contains("invalid_api_version").contains("Expected format: YYYY-MM-DD");
		assertThat(tooOld.getStatusCode().value()).isEqualTo(406);
		assertThat(tooOld.getBody()).contains("\"name\":\"Invalid X-Gusto-API-Version Header\"");
	}

	@Test
	void aCompanyTokenSeesOnlyItsCompanyAndEmbeddedOnlyPathsAreRefused() {
		String other = admin("POST", "/_admin/companies", Map.of("employees", 2, "seed", 99)).path("company_uuid")
			.asString();
		String access = exchangeCode().path("access_token").asString();

		assertThat(call("/v1/companies/" + other + "/employees", access).getStatusCode().value()).isEqualTo(404);
		ResponseEntity<String> jobs = call("/v1/employees/any/jobs", access);
		assertThat(jobs.getStatusCode().value()).isEqualTo(404);
		assertThat(jobs.getBody()).contains("missing_permissions");
	}

	@Test
	void payrollListsRefuseSpansOverAYear() {
		String access = exchangeCode().path("access_token").asString();

		ResponseEntity<String> refused = call(
				"/v1/companies/" + COMPANY + "/payrolls?start_date=2024-01-01&end_date=2025-06-30", access);

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody()).contains("invalid_parameter").contains("1 year");
	}

	private JsonNode exchangeCode() {
		URI redirect = get(SANDBOX + "/oauth/authorize?client_id=sandbox-gusto-client&response_type=code"
				+ "&redirect_uri=http://localhost:1/callback&state=s1")
			.getHeaders()
			.getLocation();
		Map<String, String> query = UriComponentsBuilder.fromUri(redirect).build().getQueryParams().toSingleValueMap();
		assertThat(query).containsEntry("state", "s1");
		return this.http.post()
			.uri(SANDBOX + "/oauth/token")
			.bodyValue(Map.of("client_id", "sandbox-gusto-client", "client_secret", "sandbox-gusto-secret",
					"grant_type", "authorization_code", "code", query.get("code"), "redirect_uri",
					"http://localhost:1/callback"))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10));
	}

	private JsonNode token(String grantType, String refreshToken) {
		ResponseEntity<String> response = tokenResponse(grantType, refreshToken);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.getBody());
	}

	private ResponseEntity<String> tokenResponse(String grantType, String refreshToken) {
		return this.http.post()
			.uri(SANDBOX + "/oauth/token")
			.bodyValue(Map.of("client_id", "sandbox-gusto-client", "client_secret", "sandbox-gusto-secret",
					"grant_type", grantType, "refresh_token", refreshToken))
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(10));
	}

	private ResponseEntity<String> call(String path, String token) {
		return call(path, token, null);
	}

	private ResponseEntity<String> call(String path, String token, String version) {
		var request = this.http.get().uri(SANDBOX + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		if (version != null) {
			request.header("X-Gusto-API-Version", version);
		}
		return request.exchangeToMono((response) -> response.toEntity(String.class)).block(Duration.ofSeconds(10));
	}

}
