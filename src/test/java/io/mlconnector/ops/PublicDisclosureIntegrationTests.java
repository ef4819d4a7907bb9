package io.mlconnector.ops;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an anonymous caller of a production instance learns: the health status, build and
 * git information, and nothing else.
 */
// the prod profile's JSON console logging would stay on for every later test context of
// this JVM (the logging system is global), so it is switched off here
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
@AutoConfigureWebTestClient
@ActiveProfiles({ "acme", "prod" })
class PublicDisclosureIntegrationTests {

	@Autowired
	private WebTestClient web;

	@Test
	void anonymousHealthShowsTheStatusOnlyAndATokenShowsTheComponents() {
		// the first health request runs every connection check of the context
		WebTestClient web = this.web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
		String anonymous = web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(anonymous).contains("\"status\"").doesNotContain("components").doesNotContain("MariaDB");

		web.get()
			.uri("/actuator/health")
			.headers((headers) -> headers.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.db.details.database")
			.isEqualTo("MariaDB");
	}

	@Test
	void infoCarriesBuildAndGitButNoJavaOrOperatingSystemDetails() {
		this.web.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.build.artifact")
			.isEqualTo("ml-connector")
			.jsonPath("$.java")
			.doesNotExist()
			.jsonPath("$.os")
			.doesNotExist();
	}

	@Test
	void openApiAndSwaggerUiAreOffInProductionUnlessSwitchedOn() {
		this.web.get().uri("/v3/api-docs").exchange().expectStatus().isNotFound();
		this.web.get().uri("/swagger-ui.html").exchange().expectStatus().isNotFound();
	}

	@Test
	void anonymousErrorBodiesCarryNoInternalDetail() {
		String unknown = this.web.get()
			.uri("/no/such/endpoint")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String malformedQuery = this.web.get()
			.uri("/connect/gusto/callback?state=%zz")
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		for (String body : new String[] { unknown, malformedQuery }) {
			assertThat(body).doesNotContain("Exception").doesNotContain("trace").doesNotContain("at io.");
		}
	}

}
