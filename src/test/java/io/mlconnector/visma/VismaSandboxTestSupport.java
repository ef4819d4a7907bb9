package io.mlconnector.visma;

import java.time.Duration;
import java.util.Map;

import io.mlconnector.testsupport.LoopbackPorts;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one fixture of the Visma connector's integration tests: the application in the
 * {@code sandbox} profile on a port chosen before start-up (tenant base URLs are bound at
 * start-up), the {@code vismatest} tenants of {@code application-vismatest.yml} wired to
 * the in-process Visma sandbox over loopback, on this JVM's MariaDB database, and the
 * sandbox reset before each test. The hourly rate-limit window is scaled down to 2 s on
 * both sides (300 requests per 2 s). Every subclass shares one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = { "mlc.inbox.dispatcher.enabled=false",
		// this context stays cached for the whole test JVM: keep its share of the
		// MariaDB server's connections small
		"spring.datasource.hikari.maximum-pool-size=4" })
@ActiveProfiles({ "sandbox", "vismatest" })
abstract class VismaSandboxTestSupport {

	static final int PORT = LoopbackPorts.free();

	static final String BASE = "http://localhost:" + PORT;

	static final String SANDBOX = BASE + "/sandbox/visma";

	static final String TENANT = "vismatest";

	static final String COMPANY = "a1a1a1a1-0000-4000-8000-000000000001";

	static final String SECOND_COMPANY = "b2b2b2b2-0000-4000-8000-000000000002";

	static final String CUSTOMER_TENANT = "0c9d8e7f-1a2b-4c3d-8e9f-a1b2c3d4e5f6";

	@Autowired
	VismaClients clients;

	final WebClient http = WebClient.builder()
		.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
		.build();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@BeforeEach
	void resetSandbox() {
		admin("POST", "/_admin/reset", Map.of());
	}

	VismaClient client() {
		return this.clients.forTenant(TENANT);
	}

	JsonNode admin(String method, String path, Object body) {
		WebClient.RequestBodySpec request = this.http.method(HttpMethod.valueOf(method)).uri(SANDBOX + path);
		WebClient.RequestHeadersSpec<?> spec = (body != null) ? request.bodyValue(body) : request;
		return spec.exchangeToMono((response) -> {
			HttpStatusCode status = response.statusCode();
			assertThat(status.is2xxSuccessful()).as("sandbox admin %s %s answered %s", method, path, status).isTrue();
			return response.bodyToMono(JsonNode.class);
		}).block(Duration.ofSeconds(60));
	}

	long stat(String name) {
		return admin("GET", "/_admin/stats", null).path(name).asLong();
	}

	long endpointCount(String endpoint) {
		return admin("GET", "/_admin/stats", null).path("byEndpoint").path(endpoint).asLong();
	}

	void seed(String company, int employees) {
		admin("POST", "/_admin/seed", Map.of("tenantId", company, "employees", employees));
	}

	void settings(Map<String, Object> settings) {
		admin("POST", "/_admin/settings", settings);
	}

	void fault(Map<String, Object> fault) {
		admin("POST", "/_admin/faults", fault);
	}

	static VismaEmployeeChange newEmployee(String employeeCd) {
		return new VismaEmployeeChange(employeeCd, VismaEmployeeStatus.ACTIVE, "ENG", "EMPSTD", "1", "STANDARD", "Ada",
				null, "Lovelace", employeeCd.toLowerCase() + "@example.com", null, null, null, null, "US");
	}

}
