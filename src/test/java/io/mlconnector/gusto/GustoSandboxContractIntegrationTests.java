package io.mlconnector.gusto;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox answers in the shapes of Gusto's official OpenAPI file (2025-06-15): each
 * response body validates against the schema of its operation.
 */
class GustoSandboxContractIntegrationTests extends GustoSandboxTestSupport {

	static final String SPEC = "classpath:gusto/openapi-2025-06-15.yaml#/components/schemas/";

	static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private String token;

	@BeforeEach
	void connectTheDemoTenant() {
		this.jdbc.sql("DELETE FROM oauth_token").update();
		assertThat(connect(null).getStatusCode().value()).isEqualTo(200);
		this.token = this.store.find(TENANT, "GUSTO").orElseThrow().accessToken().value();
	}

	@Test
	void companyResourcesMatchTheirSchemas() {
		assertValid("Token-Info", api("/v1/token_info"));
		assertValid("Company", api("/v1/companies/" + COMPANY));
		JsonNode employees = json(api("/v1/companies/" + COMPANY + "/employees?page=1&per=25"));
		assertValid("Show-Employees", employees.toString());
		String employee = employees.get(0).path("uuid").asString();
		String job = employees.get(0).path("jobs").get(0).path("uuid").asString();
		assertValid("Employee", api("/v1/employees/" + employee));
		assertValid("Employee-Work-Addresses-List", api("/v1/employees/" + employee + "/work_addresses"));
		assertEachValid("Termination", api("/v1/employees/" + terminated(employees) + "/terminations"));
		assertEachValid("Compensation", api("/v1/jobs/" + job + "/compensations"));
		JsonNode departments = json(api("/v1/companies/" + COMPANY + "/departments"));
		assertValid("Department-List", departments.toString());
		assertValid("Department", api("/v1/departments/" + departments.get(0).path("uuid").asString()));
		JsonNode locations = json(api("/v1/companies/" + COMPANY + "/locations"));
		assertValid("Company-Locations-List", locations.toString());
		assertValid("Location", api("/v1/locations/" + locations.get(0).path("uuid").asString()));
	}

	@Test
	void payrollsMatchTheirSchemasWithEveryInclude() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		JsonNode payrolls = json(api("/v1/companies/" + COMPANY + "/payrolls?payroll_types=regular,off_cycle"
				+ "&processing_statuses=processed,unprocessed&include=totals&start_date=" + today.minusMonths(6)
				+ "&end_date=" + today.plusMonths(1)));
		assertThat(payrolls.size()).isGreaterThan(5);
		assertValid("Payroll-List", payrolls.toString());
		for (JsonNode payroll : payrolls) {
			assertValid("Payroll-Show", api("/v1/companies/" + COMPANY + "/payrolls/" + payroll.path("uuid").asString()
					+ "?include=taxes,benefits,deductions,payroll_taxes,totals&page=1&per=100"));
		}
	}

	@Test
	void tokensEventsSubscriptionsAndErrorsMatchTheirSchemas() {
		JsonNode system = this.http.post()
			.uri(SANDBOX + "/oauth/token")
			.bodyValue(Map.of("client_id", "sandbox-gusto-client", "client_secret", "sandbox-gusto-secret",
					"grant_type", "system_access"))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10));
		assertValid("Create-Token-Authentication", system.toString());
		String refresh = this.store.find(TENANT, "GUSTO").orElseThrow().refreshToken().value();
		assertValid("Refresh-Token-Authentication",
				this.http.post()
					.uri(SANDBOX + "/oauth/token")
					.bodyValue(Map.of("client_id", "sandbox-gusto-client", "client_secret", "sandbox-gusto-secret",
							"grant_type", "refresh_token", "refresh_token", refresh))
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10)));
		admin("POST", "/_admin/employees", Map.of("first_name", "Contract", "last_name", "Test"));
		this.token = system.path("access_token").asString();
		assertValid("Event-List", api("/v1/events?limit=100"));
		JsonNode subscription = json(this.http.post()
			.uri(SANDBOX + "/v1/webhook_subscriptions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.bodyValue(Map.of("url", "http://localhost:1/hooks", "subscription_types", java.util.List.of("Payroll")))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10)));
		assertValid("Webhook-Subscription", subscription.toString());
		ResponseEntity<String> wrongToken = this.http.put()
			.uri(SANDBOX + "/v1/webhook_subscriptions/" + subscription.path("uuid").asString() + "/verify")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.bodyValue(Map.of("verification_token", "wrong"))
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(10));
		assertThat(wrongToken.getStatusCode().value()).isEqualTo(422);
		assertValid("Unprocessable-Entity-Error-Object", wrongToken.getBody());
		ResponseEntity<String> missing = this.http.get()
			.uri(SANDBOX + "/v1/webhook_subscriptions/nope")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(10));
		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertValid("Not-Found-Error-Object", missing.getBody());
		// the sandbox has one verification token for every subscription, so a pending one
		// left behind would be verified by the next handshake in this shared context
		this.http.delete()
			.uri(SANDBOX + "/v1/webhook_subscriptions/" + subscription.path("uuid").asString())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
	}

	@Test
	void aStaleVersionGetsTheDocumentedConflict() {
		JsonNode department = json(api("/v1/companies/" + COMPANY + "/departments")).get(0);
		ResponseEntity<String> conflict = this.http.put()
			.uri(SANDBOX + "/v1/departments/" + department.path("uuid").asString())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.bodyValue(Map.of("version", "0123456789abcdef0123456789abcdef", "title", "Stale"))
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(10));

		assertThat(conflict.getStatusCode().value()).isEqualTo(409);
		assertValid("Conflict-Error-Object", conflict.getBody());
		assertThat(json(conflict.getBody()).path("errors").get(0).path("category").asString())
			.isEqualTo("invalid_resource_version");
	}

	@Test
	void theValidatorCatchesABodyThatBreaksTheSchema() {
		Set<ValidationMessage> errors = schema("Department").validate("{\"uuid\": 5, \"employees\": \"none\"}",
				InputFormat.JSON);
		Set<ValidationMessage> payroll = schema("Payroll-Show")
			.validate("{\"processed\": \"yes\", \"totals\": {\"gross_pay\": []}}", InputFormat.JSON);

		assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
		assertThat(payroll).isNotEmpty();
	}

	private String terminated(JsonNode employees) {
		JsonNode all = json(api("/v1/companies/" + COMPANY + "/employees?terminated=true"));
		return all.get(0).path("uuid").asString();
	}

	private String api(String path) {
		ResponseEntity<String> response = this.http.get()
			.uri(SANDBOX + path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.header("X-Gusto-API-Version", "2025-06-15")
			.exchangeToMono((r) -> r.toEntity(String.class))
			.block(Duration.ofSeconds(30));
		assertThat(response.getStatusCode().value()).as("GET %s: %s", path, response.getBody()).isEqualTo(200);
		assertThat(response.getHeaders().getFirst("X-Gusto-API-Version")).isEqualTo("2025-06-15");
		return response.getBody();
	}

	private JsonNode json(String body) {
		return this.json.readTree(body);
	}

	private static void assertValid(String schema, String body) {
		Set<ValidationMessage> errors = schema(schema).validate(body, InputFormat.JSON);
		assertThat(errors).as("%s: %s", schema, body.length() > 2000 ? body.substring(0, 2000) : body).isEmpty();
	}

	private static JsonSchema schema(String name) {
		return CACHE.computeIfAbsent(name, (key) -> SCHEMAS.getSchema(SchemaLocation.of(SPEC + key)));
	}

	private void assertEachValid(String schema, String array) {
		JsonNode items = json(array);
		assertThat(items.isArray()).isTrue();
		for (JsonNode item : items) {
			assertValid(schema, item.toString());
		}
	}

}
