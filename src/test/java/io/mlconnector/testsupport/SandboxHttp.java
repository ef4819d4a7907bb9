package io.mlconnector.testsupport;

import java.net.URI;
import java.time.Duration;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payroll tests' one fixture for talking to the application and its sandboxes over
 * loopback: the port chosen before the context starts (tenant base URLs are bound at
 * start-up), the Gusto OAuth connect flow, sandbox admin calls and IFS voucher look-ups.
 */
public final class SandboxHttp {

	public static final String COMPANY = "7c1a5e32-4a5b-4a3c-9a0e-6f1d2c3b4a51";

	public static final String TENANT = "demo";

	private final String base;

	private final WebClient http = WebClient.builder()
		.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
		.build();

	public SandboxHttp(int port) {
		this.base = "http://localhost:" + port;
	}

	public String base() {
		return this.base;
	}

	public WebClient client() {
		return this.http;
	}

	/**
	 * Connects the demo tenant to the Gusto sandbox through the real flow: our
	 * {@code /connect/gusto}, the sandbox's authorize, our callback.
	 */
	public void connectGusto() {
		URI authorize = this.http.get()
			.uri(URI.create(this.base + "/connect/gusto?tenant=" + TENANT))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(30))
			.getHeaders()
			.getLocation();
		URI callback = get(authorize.toString()).getHeaders().getLocation();
		assertThat(get(callback.toString()).getStatusCode().value()).isEqualTo(200);
	}

	/**
	 * A fresh Gusto sandbox company for the demo tenant; payroll uuids follow from the
	 * seed.
	 */
	public void gustoCompany(int employees, int seed) {
		admin(HttpMethod.POST, "/sandbox/gusto/_admin/companies",
				java.util.Map.of("company_uuid", COMPANY, "employees", employees, "seed", seed));
	}

	public String processPayroll() {
		return admin(HttpMethod.POST, "/sandbox/gusto/_admin/payrolls/process", java.util.Map.of()).path("payroll_uuid")
			.asString();
	}

	/**
	 * Reverses a processed payroll in the Gusto sandbox (all employees, or those given).
	 * @return the reversal payroll's uuid
	 */
	public String reversePayroll(String payroll, String... employees) {
		return admin(HttpMethod.POST, "/sandbox/gusto/_admin/payrolls/" + payroll + "/reverse",
				java.util.Map.of("employees", java.util.List.of(employees), "emit_processed", false))
			.path("payroll_uuid")
			.asString();
	}

	/**
	 * Cancels a processed payroll in the Gusto sandbox: it is unprocessed again.
	 */
	public void cancelPayroll(String payroll) {
		admin(HttpMethod.POST, "/sandbox/gusto/_admin/payrolls/" + payroll + "/cancel", java.util.Map.of());
	}

	public JsonNode ifsVouchers(String reference) {
		return this.http.get()
			.uri(this.base + "/sandbox/ifs/_admin/vouchers?reference={reference}", reference)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30));
	}

	public JsonNode admin(HttpMethod method, String path, Object body) {
		return this.http.method(method)
			.uri(this.base + path)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(60));
	}

	public ResponseEntity<String> get(String url) {
		return this.http.get()
			.uri(URI.create(url))
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(30));
	}

}
