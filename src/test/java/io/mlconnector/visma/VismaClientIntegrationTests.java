package io.mlconnector.visma;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VismaClientIntegrationTests extends VismaSandboxTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Test
	void eachCompanyHasItsOwnTokenWhichIsReusedAndSeesOnlyItsOwnEmployees() {
		VismaClient first = this.clients.forTenant("vismatest");
		VismaClient second = this.clients.forTenant("vismasecond");
		// tokens other tests left cached are refused from now on
		admin("POST", "/_admin/tokens/expire", Map.of());
		long issued = stat("tokensIssued");
		first.createEmployee(newEmployee("T1001")).block();
		assertThat(second.findEmployee("T1001").block()).isNull();
		// one new token per company
		assertThat(stat("tokensIssued")).isEqualTo(issued + 2);
		long firstTokens = first.tokenRequests();
		long secondTokens = second.tokenRequests();
		assertThat(first.employee("T1001").block().employeeNumber()).isEqualTo("T1001");
		first.departments().collectList().block();
		second.departments().collectList().block();
		// reused until it expires
		assertThat(first.tokenRequests()).isEqualTo(firstTokens);
		assertThat(second.tokenRequests()).isEqualTo(secondTokens);
		assertThat(stat("tokensIssued")).isEqualTo(issued + 2);
	}

	@Test
	void aTokenIsRenewedBeforeItsExpiresInRunsOut() throws InterruptedException {
		// tokens of 2 s: the 60 s leeway is cut to half the lifetime, so renewal after 1
		// s
		settings(Map.of("tokenLifetimeSeconds", 2));
		admin("POST", "/_admin/tokens/expire", Map.of());
		client().departments().collectList().block();
		long issued = stat("tokensIssued");
		long refused = stat("unauthorized");
		client().departments().collectList().block();
		assertThat(stat("tokensIssued")).isEqualTo(issued);
		Thread.sleep(1200);
		client().departments().collectList().block();
		assertThat(stat("tokensIssued")).isEqualTo(issued + 1);
		// renewed ahead of time, never refused
		assertThat(stat("unauthorized")).isEqualTo(refused);
	}

	@Test
	void aTokenTheApiRefusesIsRenewedOnceAndTheRequestRepeated() {
		client().departments().collectList().block();
		long tokens = stat("tokensIssued");
		long requests = stat("requests");
		admin("POST", "/_admin/tokens/expire", Map.of());
		assertThat(client().departments().collectList().block()).hasSize(7);
		assertThat(stat("tokensIssued")).isEqualTo(tokens + 1);
		// the refused request and its repetition
		assertThat(stat("requests")).isEqualTo(requests + 2);
	}

	@Test
	void aCustomerTenantIdGetsATokenButTheApiRefusesItAndTheErrorNamesTheCompanyTenantId() {
		VismaClient customer = this.clients.forTenant("vismacustomer");
		// whatever token an earlier test left cached: this call ends with a refused one
		assertThatThrownBy(() -> customer.departments().collectList().block())
			.isInstanceOf(VismaAuthenticationException.class);
		long tokens = stat("tokensIssued");
		long refused = stat("unauthorized");
		assertThatThrownBy(() -> customer.departments().collectList().block())
			.isInstanceOf(VismaAuthenticationException.class)
			.hasMessageContaining("401 with a freshly issued token")
			.hasMessageContaining("mlc.tenants.vismacustomer.visma.tenant-id is the company tenant id");
		// the cached token refused, one renewal, refused again: then the typed error
		assertThat(stat("tokensIssued")).isEqualTo(tokens + 1);
		assertThat(stat("unauthorized")).isEqualTo(refused + 2);
	}

	@Test
	void aWrongSecretIsATypedErrorThatSaysWhichSettingsToCheck() {
		assertThatThrownBy(() -> this.clients.forTenant("vismawrongsecret").departments().collectList().block())
			.isInstanceOf(VismaAuthenticationException.class)
			.hasMessageContaining("Visma Connect refused the token request with 400 (invalid_client)")
			.hasMessageContaining("mlc.tenants.vismawrongsecret.visma.client-id and client-secret");
	}

	@Test
	void aWriteWithoutItsScopeIsATypedErrorNamingTheScope() {
		VismaClient readOnly = this.clients.forTenant("vismareadonly");
		assertThat(readOnly.departments().collectList().block()).isNotEmpty();
		assertThatThrownBy(() -> readOnly.createEmployee(newEmployee("T2001")).block())
			.isInstanceOf(VismaAuthenticationException.class)
			.hasMessageContaining("403")
			.hasMessageContaining("vismanet_erp_service_api:create")
			.hasMessageContaining("mlc.tenants.vismareadonly.visma.scope");
		assertThat(client().findEmployee("T2001").block()).isNull();
	}

	@Test
	void pagingThroughASilentlyCappedPageSizeSeesEveryEmployeeOnce() {
		seed(COMPANY, 1234);
		// the client asks for 100 per page, the server serves at most 50
		settings(Map.of("maxPageSize", 50));
		admin("DELETE", "/_admin/stats", null);
		List<VismaEmployee> employees = client().employees().collectList().block();
		Set<String> numbers = new HashSet<>();
		employees.forEach((employee) -> numbers.add(employee.employeeNumber()));
		assertThat(employees).hasSize(1234);
		assertThat(numbers).hasSize(1234);
		// ceil(1234 / 50) pages, no more
		assertThat(endpointCount("GET /v1/employee")).isEqualTo(25);
	}

	@Test
	void aPageSizeAboveTheCapIsAskedForOnlyOnce() {
		seed(COMPANY, 230);
		admin("DELETE", "/_admin/stats", null);
		List<VismaClient.Page> pages = client().employeePages(Map.of()).collectList().block();
		assertThat(pages).extracting(VismaClient.Page::asked).containsExactly(100, 100, 100);
		settings(Map.of("maxPageSize", 40));
		pages = client().employeePages(Map.of()).collectList().block();
		assertThat(pages).extracting(VismaClient.Page::asked).containsExactly(100, 40, 40, 40, 40, 40);
		assertThat(pages.stream().mapToInt((page) -> page.items().size()).sum()).isEqualTo(230);
	}

	@Test
	void aDeltaReadReturnsOnlyTheEmployeesChangedSince() throws InterruptedException {
		seed(COMPANY, 20);
		java.time.LocalDateTime newest = client().employees()
			.map(VismaEmployee::lastModifiedDateTime)
			.reduce((a, b) -> a.isAfter(b) ? a : b)
			.block();
		Thread.sleep(5);
		admin("POST", "/_admin/touch", Map.of("tenantId", COMPANY, "employeeCd", "E00005", "department", "SALES"));
		List<VismaEmployee> changed = client().employeesModifiedSince(newest.plusNanos(1_000_000))
			.collectList()
			.block();
		assertThat(changed).extracting(VismaEmployee::employeeNumber).containsExactly("E00005");
		assertThat(changed.get(0).department()).isEqualTo("SALES");
	}

	@Test
	void aCreateAnswers201WithTheNumberInLocationAndAnUpdate204WhoseResultAReReadShows() {
		VismaCreated created = client().createEmployee(newEmployee("T3001")).block();
		assertThat(created.id()).isEqualTo("T3001");
		assertThat(created.location().toString()).endsWith("/sandbox/visma/v1/employee/T3001");
		VismaEmployee read = client().employee("T3001").block();
		assertThat(read.timeStamp()).isEqualTo(created.timeStamp());
		assertThat(read.status()).isEqualTo(VismaEmployeeStatus.ACTIVE);
		String etag = client()
			.updateEmployee("T3001", read.timeStamp(),
					new VismaEmployeeChange(null, VismaEmployeeStatus.ON_HOLD, "SALES", null, "2", null, null, null,
							"Lovelace", "t3001@example.com", null, null, null, null, null))
			.block();
		VismaEmployee reread = client().employee("T3001").block();
		assertThat(reread.timeStamp()).isEqualTo(etag).isNotEqualTo(read.timeStamp());
		assertThat(reread.department()).isEqualTo("SALES");
		assertThat(reread.branchNumber()).isEqualTo("2");
		// written as Hold, read as OnHold
		assertThat(reread.status()).isEqualTo(VismaEmployeeStatus.ON_HOLD);
	}

	@Test
	void anEmployeeNumberWithReservedCharactersIsAddressedAsBase64() {
		client().createEmployee(newEmployee("T/4 001")).block();
		VismaEmployee read = client().employee("T/4 001").block();
		assertThat(read.employeeNumber()).isEqualTo("T/4 001");
		client().changeStatus(read, VismaEmployeeStatus.INACTIVE).block();
		assertThat(client().employee("T/4 001").block().status()).isEqualTo(VismaEmployeeStatus.INACTIVE);
	}

	@Test
	void aStaleTimeStampIsATypedConflictAndTheReReadSucceeds() {
		client().createEmployee(newEmployee("T5001")).block();
		VismaEmployee read = client().employee("T5001").block();
		// another Visma user changes the employee after our read
		admin("POST", "/_admin/touch", Map.of("tenantId", COMPANY, "employeeCd", "T5001", "department", "OPS"));
		assertThatThrownBy(() -> client().changeStatus(read, VismaEmployeeStatus.INACTIVE).block())
			.isInstanceOf(VismaConflictException.class)
			.hasMessageContaining("412")
			.hasMessageContaining("Employee version does not match with If-Match header")
			.hasMessageContaining("re-read it");
		VismaEmployee reread = client().employee("T5001").block();
		client().changeStatus(reread, VismaEmployeeStatus.INACTIVE).block();
		VismaEmployee inactive = client().employee("T5001").block();
		assertThat(inactive.status()).isEqualTo(VismaEmployeeStatus.INACTIVE);
		// the other user's change is kept: the leaver was applied to the current state
		assertThat(inactive.department()).isEqualTo("OPS");
	}

	@Test
	void aLeaverBecomesInactiveAndARehireActiveAgainAsTheSameEmployee() {
		client().createEmployee(newEmployee("T6001")).block();
		VismaEmployee hired = client().employee("T6001").block();
		client().changeStatus(hired, VismaEmployeeStatus.INACTIVE).block();
		VismaEmployee left = client().employee("T6001").block();
		assertThat(left.status()).isEqualTo(VismaEmployeeStatus.INACTIVE);
		client().changeStatus(left, VismaEmployeeStatus.ACTIVE).block();
		VismaEmployee rehired = client().employee("T6001").block();
		assertThat(rehired.status()).isEqualTo(VismaEmployeeStatus.ACTIVE);
		assertThat(rehired.employeeId()).isEqualTo(hired.employeeId());
		assertThat(rehired.contact().email()).isEqualTo("t6001@example.com");
	}

	@Test
	void aCreateMissingRequiredFieldsIsA400NamingEachOneAndAnUnknownDepartmentSaysHowToFixIt() {
		VismaEmployeeChange incomplete = new VismaEmployeeChange("T7001", null, null, "EMPSTD", "1", null, "Ada", null,
				null, "ada@example.com", null, null, null, null, null);
		assertThatThrownBy(() -> client().createEmployee(incomplete).block()).isInstanceOf(VismaException.class)
			.satisfies((ex) -> assertThat(((VismaException) ex).status()).isEqualTo(400))
			.satisfies((ex) -> assertThat(((VismaException) ex).error().exceptionType()).isEqualTo("IPPException"))
			.hasMessageContaining("'department' cannot be empty")
			.hasMessageContaining("'calendar' cannot be empty")
			.hasMessageContaining("'contact.lastName' cannot be empty");
		assertThatThrownBy(() -> client().createEmployee(newEmployee("T7002").withDepartment("NOPE")).block())
			.isInstanceOf(VismaException.class)
			.hasMessageContaining("Department 'NOPE' does not exist");
		assertThatThrownBy(() -> client().employee("NOBODY").block()).isInstanceOf(VismaException.class)
			.satisfies((ex) -> assertThat(((VismaException) ex).status()).isEqualTo(404));
	}

	@Test
	void serverErrorsAreRetriedAndVismasErrorBodiesBecomeTypedReadableErrors() {
		fault(Map.of("kind", "STATUS", "status", 503, "count", 2, "endpoint", "GET /v1/department"));
		assertThat(client().departments().collectList().block()).hasSize(7);
		fault(Map.of("kind", "NO_LICENSE", "endpoint", "GET /v1/department"));
		assertThatThrownBy(() -> client().departments().collectList().block()).isInstanceOf(VismaException.class)
			.hasMessageContaining("400: IPPException 12027: No license for this company.")
			.satisfies((ex) -> assertThat(((VismaException) ex).error().faultCode()).isEqualTo("12027"))
			.satisfies((ex) -> assertThat(((VismaException) ex).error().messageId()).startsWith("12027_"));
		fault(Map.of("kind", "NON_JSON", "status", 400, "endpoint", "GET /v1/department"));
		assertThatThrownBy(() -> client().departments().collectList().block()).isInstanceOf(VismaException.class)
			.hasMessageContaining("400: body: <html>")
			.satisfies((ex) -> assertThat(((VismaException) ex).error().raw()).contains("Server Error"));
	}

	@Test
	void aCreateWithoutAnAnswerIsAnUnknownOutcomeAndIsNeverRepeated() {
		fault(Map.of("kind", "DROP_CONNECTION", "endpoint", "POST /v1/employee"));
		admin("DELETE", "/_admin/stats", null);
		assertThatThrownBy(() -> client().createEmployee(newEmployee("T8001")).block())
			.isInstanceOf(VismaOutcomeUnknownException.class)
			.hasMessageContaining("look it up before creating it again");
		assertThat(endpointCount("POST /v1/employee")).isEqualTo(1);
	}

	@Test
	void a429WaitsUntilTheWindowResetsAndThenSucceeds() {
		client().departments().collectList().block();
		fault(Map.of("kind", "RATE_LIMIT", "resetSeconds", 2, "endpoint", "GET /v1/department"));
		Instant started = Instant.now();
		assertThat(client().departments().collectList().block()).hasSize(7);
		assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
		assertThat(stat("rateLimited")).isEqualTo(1);
	}

	@Test
	void whenVismaSaysTheWindowIsUsedUpTheNextRequestWaitsForTheResetInsteadOfDrawingA429() {
		// Visma allows 5 per window, fewer than the 300 configured
		settings(Map.of("requestsPerWindow", 5, "windowSeconds", 2));
		VismaClient client = this.clients.forTenant("vismasecond");
		for (int i = 0; i < 12; i++) {
			assertThat(client.departments().collectList().block()).hasSize(7);
		}
		assertThat(stat("rateLimited")).isZero();
		// the shared budget is sized down to the announced limit
		assertThat(client.rateLimit().requests()).isEqualTo(5);
	}

	@Test
	void aThousandRequestBurstNeverCausesA429() {
		seed(COMPANY, 10);
		admin("DELETE", "/_admin/stats", null);
		Long served = Flux.range(0, 1000)
			.flatMap((i) -> client().employee("E0000" + (1 + i % 9)), 64)
			.count()
			.block(Duration.ofMinutes(2));
		assertThat(served).isEqualTo(1000);
		assertThat(stat("rateLimited")).isZero();
		assertThat(endpointCount("GET /v1/employee/{id}")).isEqualTo(1000);
	}

	@Test
	void requestsAreMeasuredWithTheEndpointNotTheEmployeeAsTheUriTag() {
		seed(COMPANY, 3);
		client().employee("E00001").block();
		client().employee("E00002").block();
		assertThat(this.meters.find("http.client.requests").timers())
			.anySatisfy((timer) -> assertThat(timer.getId().getTag("uri")).endsWith("/v1/employee/{employeeCd}"))
			.noneSatisfy((timer) -> assertThat(timer.getId().getTag("uri")).contains("E00001"));
	}

	@Test
	void theConnectionCheckIssuesATokenAndReadsOnceAndNamesTheFixWhenItFails() {
		WebTestClient web = WebTestClient.bindToServer().baseUrl(BASE).responseTimeout(Duration.ofSeconds(60)).build();
		web.get()
			.uri("/api/v1/tenants/vismatest/connections")
			.headers((h) -> h.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.connections[?(@.system == 'visma')].status")
			.isEqualTo("UP")
			.jsonPath("$.connections[?(@.system == 'visma')].detail")
			.isEqualTo("token issued for company tenant " + COMPANY + "; read /v1/department (7 departments)");
		web.get()
			.uri("/api/v1/tenants/vismacustomer/connections")
			.headers((h) -> h.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.connections[?(@.system == 'visma')].status")
			.isEqualTo("DOWN")
			.jsonPath("$.connections[0].detail")
			.value((detail) -> assertThat(detail.toString())
				.contains("mlc.tenants.vismacustomer.visma.tenant-id is the company tenant id"));
		web.get()
			.uri("/actuator/health")
			// components are shown only with a token
			.headers((headers) -> headers
				.setBearerAuth(io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.exchange()
			.expectBody()
			.jsonPath("$.components.connections.components.demo.components.visma.status")
			.isEqualTo("UP")
			.jsonPath("$.components.connections.components.vismatest.components.visma.status")
			.isEqualTo("UP")
			.jsonPath("$.components.connections.components.vismacustomer.components.visma.status")
			.isEqualTo("DEGRADED");
	}

}
