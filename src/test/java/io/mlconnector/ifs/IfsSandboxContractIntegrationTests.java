package io.mlconnector.ifs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IFS sandbox's wire contract, checked with raw HTTP (no ml-connector client): what
 * IFS documents, and the simulator's documented choices where IFS says nothing.
 */
class IfsSandboxContractIntegrationTests extends IfsSandboxTestSupport {

	private static final String INVOICE_SVC = "/main/ifsapplications/projection/v1/ManSuppInvoiceHandling.svc/";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private String token;

	@BeforeEach
	void token() {
		this.token = (String) tokenResponse("sandbox-ifs-secret").expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("access_token");
		generateInvoices(3, 1);
	}

	private WebTestClient.ResponseSpec tokenResponse(String secret) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("scope", "openid microprofile-jwt");
		form.add("client_id", "sandbox-ifs-client");
		form.add("client_secret", secret);
		return this.web.post()
			.uri("/auth/realms/sandbox/protocol/openid-connect/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	private WebTestClient.RequestHeadersSpec<?> get(String path) {
		// a URI, not a template: the test writes its percent-encoding itself
		return this.web.get()
			.uri(java.net.URI.create("http://localhost:" + PORT + "/sandbox/ifs" + INVOICE_SVC + path))
			.headers((headers) -> headers.setBearerAuth(this.token));
	}

	@Test
	void theTokenEndpointAnswersWithIfssDocumentedFieldsAndRefusesAWrongSecret() {
		tokenResponse("sandbox-ifs-secret").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.expires_in")
			.isEqualTo(180)
			.jsonPath("$.refresh_expires_in")
			.isEqualTo(1800)
			.jsonPath("$.token_type")
			.isEqualTo("Bearer")
			.jsonPath("$.scope")
			.isEqualTo("openid audience microprofile-jwt email profile");
		tokenResponse("wrong").expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unauthorized_client");
	}

	@Test
	void withoutAValidTokenEveryRequestIs401() {
		this.web.get().uri(INVOICE_SVC + "ManSuppInvoiceSet").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri(INVOICE_SVC + "ManSuppInvoiceSet")
			.headers((headers) -> headers.setBearerAuth("forged"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void theServiceDocumentAndMetadataDescribeTheProjectionAndMarkSimulatedNames() {
		get("").exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.value[0].name")
			.isEqualTo("ManSuppInvoiceSet");
		String metadata = get("$metadata").exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metadata).contains("<EntityType Name=\"ManSuppInvoice\">")
			.contains("<Action Name=\"ManSuppInvoice_Authorize\" IsBound=\"true\">")
			.contains("simulated");
	}

	@Test
	void entitiesCarryIfsEncodedEtagsLunameAndKeyref() {
		Map<String, Object> invoice = get("ManSuppInvoiceSet(Company='10',InvoiceId=1)").exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		String etag = (String) invoice.get("@odata.etag");
		assertThat(etag).startsWith("W/\"").endsWith("\"");
		String decoded = new String(Base64.getDecoder().decode(etag.substring(3, etag.length() - 1)),
				StandardCharsets.UTF_8);
		assertThat(decoded).matches("W/\"[A-Za-z0-9+/]{18}:\\d{14}\"");
		assertThat(invoice).containsEntry("luname", "ManSuppInvoice")
			.containsEntry("keyref", "COMPANY=10^INVOICE_ID=1^")
			.containsEntry("Objstate", "AwaitAuth");
	}

	@Test
	void aPatchWithoutIfMatchIsAnUpsertAsInIfs() {
		this.web.patch()
			.uri(INVOICE_SVC + "ManSuppInvoiceSet(Company='10',InvoiceId=77)")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("InvoiceNo", "UPSERTED", "Identity", "SUP-9"))
			.exchange()
			.expectStatus()
			.isCreated();
		get("ManSuppInvoiceSet(Company='10',InvoiceId=77)").exchange()
			.expectBody()
			.jsonPath("$.InvoiceNo")
			.isEqualTo("UPSERTED");
	}

	@Test
	void actionsNeedIfMatchAndAreNotReachableWithGet() {
		String action = "ManSuppInvoiceSet(Company='10',InvoiceId=1)/IfsApp.ManSuppInvoiceHandling.ManSuppInvoice_Authorize";
		this.web.post()
			.uri(INVOICE_SVC + action)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(428)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("ODP_MISSING_PRECONDITION");
		get(action).exchange().expectStatus().isEqualTo(405);
		this.web.post().uri(INVOICE_SVC + action).headers((headers) -> {
			headers.setBearerAuth(this.token);
			headers.setIfMatch("W/\"c3RhbGU=\"");
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("ODP_PRECONDITION_FAILED")
			.jsonPath("$.error.details[0].code")
			.isEqualTo("FND_MODIFIED");
		this.web.post().uri(INVOICE_SVC + action).headers((headers) -> {
			headers.setBearerAuth(this.token);
			headers.setIfMatch("*");
		}).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isNoContent();
	}

	@Test
	void aLockedRecordIs423() {
		admin("/_admin/locks", Map.of("entitySet", "ManSuppInvoiceSet", "key", "Company='10',InvoiceId=2"));
		this.web.patch().uri(INVOICE_SVC + "ManSuppInvoiceSet(Company='10',InvoiceId=2)").headers((headers) -> {
			headers.setBearerAuth(this.token);
			headers.setIfMatch("*");
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("SupplierName", "X"))
			.exchange()
			.expectStatus()
			.isEqualTo(423)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("FND_RECORD_LOCKED");
	}

	@Test
	void serverDrivenPagingHonoursPreferUpToTheCapWithAnOpaqueNextLink() {
		Map<String, Object> page = get("ManSuppInvoiceSet?$count=true&$orderby=InvoiceId%20desc")
			.header("Prefer", "odata.maxpagesize=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Preference-Applied", "odata.maxpagesize=2")
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) page.get("value")).hasSize(2);
		assertThat(page.get("@odata.count")).isEqualTo(3);
		String next = (String) page.get("@odata.nextLink");
		assertThat(next).startsWith("http://localhost:" + PORT).contains("$skiptoken=");
		Map<String, Object> last = this.web.get()
			.uri(java.net.URI.create(next))
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) last.get("value")).singleElement()
			.satisfies((invoice) -> assertThat(((Map<?, ?>) invoice).get("InvoiceId")).isEqualTo(1));
		assertThat(last).doesNotContainKey("@odata.nextLink");
	}

	@Test
	void unsupportedQueryFeaturesAreAClear501AndMalformedFiltersA400() {
		get("ManSuppInvoiceSet?$apply=groupby((Identity))").exchange()
			.expectStatus()
			.isEqualTo(501)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo("ODP_NOT_IMPLEMENTED");
		get("ManSuppInvoiceSet?$filter=tolower(InvoiceNo)%20eq%20'x'").exchange().expectStatus().isEqualTo(501);
		get("ManSuppInvoiceSet?$filter=InvoiceDate%20ge%20'2025-01-01'").exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.message")
			.value((message) -> assertThat((String) message).contains("write the literal without quotes"));
		this.web.get()
			.uri("/main/ifsapplications/projection/v1/VoucherHandling.svc/VoucherSet?$expand=VoucherRowArray")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectStatus()
			.isEqualTo(501);
	}

	@Test
	void theOptionalRateLimitAnswers429WithRetryAfter() {
		admin("/_admin/settings", Map.of("requestsPerMinute", 2));
		get("ManSuppInvoiceSet").exchange().expectStatus().isOk();
		get("ManSuppInvoiceSet").exchange().expectStatus().isOk();
		get("ManSuppInvoiceSet").exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
	}

	@Test
	void theVoucherQueryNeedsAReference() {
		this.web.get().uri("/_admin/vouchers").exchange().expectStatus().isBadRequest();
	}

}
