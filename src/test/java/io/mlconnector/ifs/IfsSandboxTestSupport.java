package io.mlconnector.ifs;

import java.time.Duration;
import java.util.Map;

import io.mlconnector.tenant.IfsEntitySet;
import io.mlconnector.testsupport.LoopbackPorts;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one fixture of the IFS connector's integration tests: the application with the
 * {@code sandbox} profile on a port chosen before start-up (tenant base URLs are bound at
 * start-up), the {@code ifstest} tenant wired to the in-process IFS sandbox over
 * loopback, and the sandbox reset before each test. Every subclass shares one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "mlc.inbox.dispatcher.enabled=false", "logging.level.io.mlconnector.sandbox=INFO",
				// this context stays cached for the whole test JVM: keep its share of the
				// MariaDB server's connections small
				"spring.datasource.hikari.maximum-pool-size=4" })
@ActiveProfiles({ "sandbox", "ifstest" })
abstract class IfsSandboxTestSupport {

	static final int PORT = LoopbackPorts.free();

	static final String TENANT = "ifstest";

	static final IfsEntitySet INVOICES = new IfsEntitySet("ManSuppInvoiceHandling", "ManSuppInvoiceSet");

	static final IfsEntitySet VOUCHERS = new IfsEntitySet("VoucherHandling", "VoucherSet");

	static final IfsEntitySet COMPANIES = new IfsEntitySet("CompanyHandling", "CompanySet");

	static final String AUTHORIZE = "ManSuppInvoice_Authorize";

	static final java.util.List<String> INVOICE_KEYS = java.util.List.of("Company", "InvoiceId");

	@Autowired
	IfsClients clients;

	@Autowired
	JdbcClient jdbc;

	WebTestClient web;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@BeforeEach
	void resetSandbox() {
		this.web = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + PORT + "/sandbox/ifs")
			.responseTimeout(Duration.ofSeconds(60))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
		admin("/_admin/reset", Map.of());
		this.jdbc.sql("DELETE FROM sync_cursor WHERE tenant = ?").param(TENANT).update();
	}

	IfsClient client() {
		return this.clients.forTenant(TENANT);
	}

	Map<String, Object> admin(String path, Object body) {
		return this.web.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	Map<String, Object> adminGet(String path) {
		return this.web.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	long sandboxRequests() {
		return ((Number) adminGet("/_admin/stats").get("requests")).longValue();
	}

	long tokensIssued() {
		return ((Number) adminGet("/_admin/stats").get("tokensIssued")).longValue();
	}

	void generateInvoices(int count, int perSecond) {
		admin("/_admin/generate", Map.of("supplierInvoices", count, "perSecond", perSecond));
	}

	void fault(Map<String, Object> fault) {
		admin("/_admin/faults", fault);
	}

	Map<String, Object> touch(String entitySet, String key) {
		return admin("/_admin/touch", Map.of("entitySet", entitySet, "key", key));
	}

}
