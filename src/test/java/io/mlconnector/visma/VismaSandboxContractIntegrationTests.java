package io.mlconnector.visma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeType;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Visma sandbox's wire contract, checked with raw HTTP (no ml-connector client)
 * against the reference examples (src/test/resources/visma/examples, copied unchanged
 * from the project's Visma.net contract reference): what Visma documents, and the
 * simulator's stated choices where it says nothing.
 */
class VismaSandboxContractIntegrationTests extends VismaSandboxTestSupport {

	static final Path EXAMPLES = Path.of("src/test/resources/visma/examples");

	private final JsonMapper json = JsonMapper.builder().build();

	private String token;

	@BeforeEach
	void token() {
		this.token = json(tokenRequest(COMPANY, "sandbox-visma-secret").getBody()).path("access_token").asString();
	}

	@Test
	void theTokenEndpointTakesTheDocumentedFormAndAnswersTheDocumentedFields() {
		ResponseEntity<String> response = tokenRequest(COMPANY, "sandbox-visma-secret");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode body = json(response.getBody());
		assertSameShape(example("token-response.json"), body, "$");
		assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
		assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.path("scope").asString())
			.isEqualTo("vismanet_erp_service_api:read vismanet_erp_service_api:create vismanet_erp_service_api:update");
		ResponseEntity<String> wrong = tokenRequest(COMPANY, "wrong");
		assertThat(wrong.getStatusCode().value()).isEqualTo(400);
		assertThat(json(wrong.getBody()).path("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void aCustomerTenantGetsATokenButEveryApiCallIs401() {
		ResponseEntity<String> issued = tokenRequest(CUSTOMER_TENANT, "sandbox-visma-secret");
		assertThat(issued.getStatusCode().value()).isEqualTo(200);
		String customerToken = json(issued.getBody()).path("access_token").asString();
		ResponseEntity<String> refused = api(HttpMethod.GET, "/v1/department", customerToken, null, Map.of());
		assertThat(refused.getStatusCode().value()).isEqualTo(401);
		assertSameShape(example("error-ippexception.response.json"), json(refused.getBody()), "$");
	}

	@Test
	void theExampleCreateIs201WithLocationAndTheReadHasTheExampleShapeWithTheEtagAsTimeStamp() {
		ResponseEntity<String> created = api(HttpMethod.POST, "/v1/employee", this.token,
				text("employee-create.request.json"), Map.of());
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation()).hasToString(SANDBOX + "/v1/employee/E1001");
		assertThat(created.getHeaders().getETag()).isNotBlank();
		ResponseEntity<String> read = api(HttpMethod.GET, "/v1/employee/E1001", this.token, null, Map.of());
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		JsonNode employee = json(read.getBody());
		assertSameShape(example("employee.response.json"), employee, "$");
		assertThat(read.getHeaders().getETag()).isEqualTo("\"" + employee.path("timeStamp").asString() + "\"")
			.isEqualTo(created.getHeaders().getETag());
		assertThat(employee.path("employeeNumber").asString()).isEqualTo("E1001");
		assertThat(employee.path("employeeName").asString()).isEqualTo("Kari Nordmann");
		assertThat(employee.path("branch").path("number").asString()).isEqualTo("1");
		assertThat(employee.path("address").path("country").path("name").asString()).isEqualTo("Norway");
		assertThat(employee.path("metadata").path("maxPageSize").asLong()).isEqualTo(100);
		// the example employee once more: a duplicate employeeCd
		ResponseEntity<String> duplicate = api(HttpMethod.POST, "/v1/employee", this.token,
				text("employee-create.request.json"), Map.of());
		assertThat(duplicate.getStatusCode().value()).isEqualTo(400);
		assertThat(json(duplicate.getBody()).path("ExceptionMessage").asString()).contains("already exists");
	}

	@Test
	void theExampleUpdateIs204WithoutBodyAndANewEtagAndAStaleIfMatchIs412() {
		api(HttpMethod.POST, "/v1/employee", this.token, text("employee-create.request.json"), Map.of());
		String etag = api(HttpMethod.GET, "/v1/employee/E1001", this.token, null, Map.of()).getHeaders().getETag();
		ResponseEntity<String> updated = api(HttpMethod.PUT, "/v1/employee/E1001", this.token,
				text("employee-update.request.json"), Map.of("If-Match", etag));
		assertThat(updated.getStatusCode().value()).isEqualTo(204);
		assertThat(updated.getBody()).isNull();
		assertThat(updated.getHeaders().getETag()).isNotBlank().isNotEqualTo(etag);
		JsonNode employee = json(api(HttpMethod.GET, "/v1/employee/E1001", this.token, null, Map.of()).getBody());
		assertThat(employee.path("status").asString()).isEqualTo("Inactive");
		assertThat(employee.path("department").asString()).isEqualTo("SUPPORT");
		assertThat(employee.path("branch").path("number").asString()).isEqualTo("2");
		ResponseEntity<String> stale = api(HttpMethod.PUT, "/v1/employee/E1001", this.token,
				text("employee-update.request.json"), Map.of("If-Match", etag));
		assertThat(stale.getStatusCode().value()).isEqualTo(412);
		JsonNode error = json(stale.getBody());
		assertSameShape(example("error-ippexception.response.json"), error, "$");
		assertThat(error.path("ExceptionMessage").asString())
			.isEqualTo("Employee version does not match with If-Match header");
		// If-Match is optional
		assertThat(api(HttpMethod.PUT, "/v1/employee/E1001", this.token, text("employee-update.request.json"), Map.of())
			.getStatusCode()
			.value()).isEqualTo(204);
	}

	@Test
	void writesTakeValueWrappersTheHoldStatusReadsAsOnHoldAndThereIsNoDelete() {
		ObjectNode bare = (ObjectNode) example("employee-create.request.json");
		bare.put("department", "SALES");
		ResponseEntity<String> refused = api(HttpMethod.POST, "/v1/employee", this.token, bare.toString(), Map.of());
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(json(refused.getBody()).path("ExceptionMessage").asString())
			.contains("department must be wrapped as {\"value\": ...}");
		ObjectNode hold = (ObjectNode) example("employee-create.request.json");
		hold.putObject("status").put("value", "Hold");
		assertThat(api(HttpMethod.POST, "/v1/employee", this.token, hold.toString(), Map.of()).getStatusCode().value())
			.isEqualTo(201);
		assertThat(json(api(HttpMethod.GET, "/v1/employee/E1001", this.token, null, Map.of()).getBody()).path("status")
			.asString()).isEqualTo("OnHold");
		assertThat(api(HttpMethod.DELETE, "/v1/employee/E1001", this.token, null, Map.of()).getStatusCode().value())
			.isEqualTo(405);
		ObjectNode missing = (ObjectNode) example("employee-create.request.json");
		missing.remove(List.of("department", "calendar"));
		missing.putObject("employeeCd").put("value", "E1002");
		JsonNode error = json(api(HttpMethod.POST, "/v1/employee", this.token, missing.toString(), Map.of()).getBody());
		assertThat(error.path("ExceptionMessage").asString()).contains("'department' cannot be empty")
			.contains("'calendar' cannot be empty");
	}

	@Test
	void listsAreCappedSilentlyAtMaxPageSizeWithMetadataOnEveryElement() {
		seed(COMPANY, 250);
		JsonNode page = json(
				api(HttpMethod.GET, "/v1/employee?pageNumber=1&pageSize=1000", this.token, null, Map.of()).getBody());
		assertThat(page.size()).isEqualTo(100);
		for (JsonNode employee : page) {
			assertThat(employee.path("metadata").path("totalCount").asLong()).isEqualTo(250);
			assertThat(employee.path("metadata").path("maxPageSize").asLong()).isEqualTo(100);
		}
		JsonNode third = json(
				api(HttpMethod.GET, "/v1/employee?pageNumber=3&pageSize=100", this.token, null, Map.of()).getBody());
		assertThat(third.size()).isEqualTo(50);
		assertThat(third.get(0).path("employeeNumber").asString()).isEqualTo("E00201");
		settings(Map.of("defaultPageSize", 20));
		assertThat(json(api(HttpMethod.GET, "/v1/employee", this.token, null, Map.of()).getBody()).size())
			.as("without paging parameters a default page size applies, so a client that omits them misses data")
			.isEqualTo(20);
		assertThat(
				api(HttpMethod.GET, "/v1/employee?pageNumber=1&pageSize=10&numberToRead=5", this.token, null, Map.of())
					.getStatusCode()
					.value())
			.isEqualTo(400);
		assertThat(api(HttpMethod.GET, "/v1/employee?lastModifiedDateTime=2026-01-01", this.token, null, Map.of())
			.getStatusCode()
			.value()).as("lastModifiedDateTime without its condition").isEqualTo(400);
		assertThat(api(HttpMethod.GET,
				"/v1/employee?lastModifiedDateTime=2000-01-01%2000:00:00&lastModifiedDateTimeCondition=%3E&pageSize=1",
				this.token, null, Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void everyResponseCarriesTheRateLimitHeadersAndOverTheLimitIs429() {
		List<String> names = lines("rate-limit-headers.txt").stream()
			.filter((line) -> !line.startsWith("#") && line.contains(":"))
			.map((line) -> line.substring(0, line.indexOf(':')))
			.toList();
		assertThat(names).containsExactly("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
				"X-RateLimit-Policy");
		settings(Map.of("requestsPerWindow", 2, "windowSeconds", 60));
		HttpHeaders first = api(HttpMethod.GET, "/v1/department", this.token, null, Map.of()).getHeaders();
		names.forEach((name) -> assertThat(first.getFirst(name)).as(name).isNotBlank());
		assertThat(first.getFirst("X-RateLimit-Limit")).isEqualTo("2");
		assertThat(first.getFirst("X-RateLimit-Remaining")).isEqualTo("1");
		assertThat(first.getFirst("X-RateLimit-Policy")).isEqualTo("4-fixed-window");
		assertThat(Long.parseLong(first.getFirst("X-RateLimit-Reset"))).isBetween(1L, 60L);
		api(HttpMethod.GET, "/v1/department", this.token, null, Map.of());
		ResponseEntity<String> limited = api(HttpMethod.GET, "/v1/department", this.token, null, Map.of());
		assertThat(limited.getStatusCode().value()).isEqualTo(429);
		assertThat(limited.getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).as("not documented by Visma").isNull();
	}

	@Test
	void theExampleDepartmentCreateAndSegmentInsertAreAcceptedAndReadBack() {
		// the seed already holds the example's SALES department
		ObjectNode department = (ObjectNode) example("department-create.request.json");
		department.put("departmentId", "SALESNO");
		ResponseEntity<String> created = api(HttpMethod.POST, "/v1/department", this.token, department.toString(),
				Map.of());
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation()).hasToString(SANDBOX + "/v1/department/SALESNO");
		JsonNode read = json(api(HttpMethod.GET, "/v1/department/SALESNO", this.token, null, Map.of()).getBody());
		assertThat(read.path("description").asString()).isEqualTo("Sales");
		assertThat(read.path("expenseAccount").path("number").asString()).isEqualTo("7790");
		assertThat(read.path("expenseSubaccount").path("id").asString()).isEqualTo("100");
		String segmentEtag = api(HttpMethod.GET, "/v1/dimension/SUBACCOUNT/2", this.token, null, Map.of()).getHeaders()
			.getETag();
		ResponseEntity<String> inserted = api(HttpMethod.PUT, "/v1/dimension/SUBACCOUNT/2", this.token,
				text("dimension-segment-insert.request.json"), Map.of("If-Match", segmentEtag));
		assertThat(inserted.getStatusCode().value()).isEqualTo(204);
		String valueId = Base64.getEncoder().encodeToString("OSL".getBytes(StandardCharsets.UTF_8));
		JsonNode value = json(
				api(HttpMethod.GET, "/v1/dimension/SUBACCOUNT/2/" + valueId, this.token, null, Map.of()).getBody());
		assertThat(value.path("valueId").asString()).isEqualTo("OSL");
		assertThat(value.path("description").asString()).isEqualTo("Oslo office");
		assertThat(api(HttpMethod.PUT, "/v1/dimension/SUBACCOUNT/2", this.token,
				text("dimension-segment-insert.request.json"), Map.of("If-Match", segmentEtag))
			.getStatusCode()
			.value()).isEqualTo(412);
	}

	@Test
	void theErrorExampleIsTheShapeOfEverySandboxError() {
		JsonNode example = example("error-ippexception.response.json");
		assertThat(example.path("ExceptionFaultCode").asString()).isEqualTo("12027");
		fault(Map.of("kind", "NO_LICENSE"));
		JsonNode noLicense = json(api(HttpMethod.GET, "/v1/department", this.token, null, Map.of()).getBody());
		assertSameShape(example, noLicense, "$");
		assertThat(noLicense.path("ExceptionMessage").asString())
			.isEqualTo(example.path("ExceptionMessage").asString());
		JsonNode notFound = json(api(HttpMethod.GET, "/v1/employee/NOBODY", this.token, null, Map.of()).getBody());
		assertSameShape(example, notFound, "$");
	}

	// ---- helpers ------------------------------------------------------------------

	private ResponseEntity<String> tokenRequest(String tenantId, String secret) {
		// the example's form, with the sandbox's client and the given tenant
		String form = lines("token-request.txt").stream()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.findFirst()
			.orElseThrow()
			.replace("client_id=isv_example_app", "client_id=sandbox-visma-client")
			.replace("client_secret=SECRET", "client_secret=" + secret)
			.replace("tenant_id=af1140c1-52e0-46c7-b684-df894d4b8a5a", "tenant_id=" + tenantId);
		return this.http.post()
			.uri(SANDBOX + "/connect/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue(form)
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(30));
	}

	private ResponseEntity<String> api(HttpMethod method, String path, String bearer, String body,
			Map<String, String> headers) {
		WebClient.RequestBodySpec request = this.http.method(method).uri(URI.create(SANDBOX + path)).headers((h) -> {
			h.setBearerAuth(bearer);
			headers.forEach(h::set);
		});
		WebClient.RequestHeadersSpec<?> spec = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
		return spec.exchangeToMono((response) -> response.toEntity(String.class)).block(Duration.ofSeconds(30));
	}

	private JsonNode json(String text) {
		return this.json.readTree(text);
	}

	private JsonNode example(String name) {
		return json(text(name));
	}

	private static String text(String name) {
		try {
			return Files.readString(EXAMPLES.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(String name) {
		return text(name).lines().toList();
	}

	/**
	 * The same field names at every level, and the same JSON type wherever both sides
	 * have a value (the examples carry placeholders, the sandbox nulls where it has
	 * nothing).
	 */
	static void assertSameShape(JsonNode expected, JsonNode actual, String path) {
		if (expected.isNull() || actual.isNull()) {
			return;
		}
		JsonNodeType expectedType = expected.getNodeType();
		assertThat(actual.getNodeType()).as("type of %s", path).isEqualTo(expectedType);
		if (expected.isObject()) {
			TreeSet<String> expectedNames = new TreeSet<>();
			expected.properties().forEach((entry) -> expectedNames.add(entry.getKey()));
			TreeSet<String> actualNames = new TreeSet<>();
			actual.properties().forEach((entry) -> actualNames.add(entry.getKey()));
			assertThat(actualNames).as("fields of %s", path).isEqualTo(expectedNames);
			expectedNames.forEach((name) -> assertSameShape(expected.get(name), actual.get(name), path + "." + name));
		}
		else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
			assertSameShape(expected.get(0), actual.get(0), path + "[0]");
		}
	}

}
