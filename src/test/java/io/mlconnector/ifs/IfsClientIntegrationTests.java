package io.mlconnector.ifs;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.Tenants;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfsClientIntegrationTests extends IfsSandboxTestSupport {

	private static final IfsKey FIRST_INVOICE = IfsKey.of("Company", "10", "InvoiceId", 1L);

	@Autowired
	private List<ConnectionCheck> checks;

	@Autowired
	private Tenants tenants;

	@Autowired
	private MeterRegistry meters;

	@Test
	void aRecordIsReadWithItsEtagAndMoneyAsBigDecimalWithScaleTwo() {
		generateInvoices(1, 1);
		IfsEntity invoice = client().read(INVOICES, FIRST_INVOICE).block();
		assertThat(invoice.etag().value()).startsWith("W/\"");
		assertThat(invoice.string("Objstate")).isEqualTo("AwaitAuth");
		assertThat(invoice.money("GrossAmount")).isEqualTo(new BigDecimal("1.00"));
		assertThat(invoice.money("GrossAmount").scale()).isEqualTo(2);
		assertThat(invoice.instant("ChangedDate")).isBefore(Instant.now());
	}

	@Test
	void aTokenIsReusedUntilEightyPercentOfItsLifetimeAndThenRenewed() throws InterruptedException {
		admin("/_admin/settings", Map.of("tokenLifetimeSeconds", 2));
		admin("/_admin/tokens/expire", Map.of());
		IfsClient client = this.clients.forTenant("ifstest");
		// the cached token is refused, the new one lasts 2 s
		client.read(COMPANIES, IfsKey.of("Company", "10")).block();
		long issued = tokensIssued();
		client.read(COMPANIES, IfsKey.of("Company", "10")).block();
		assertThat(tokensIssued()).isEqualTo(issued);
		Thread.sleep(1700);
		client.read(COMPANIES, IfsKey.of("Company", "10")).block();
		assertThat(tokensIssued()).isEqualTo(issued + 1);
	}

	@Test
	void aTokenThatExpiresMidRunIsRenewedOnceAndTheRequestRepeated() {
		admin("/_admin/settings", Map.of("tokenLifetimeSeconds", 3600));
		client().read(COMPANIES, IfsKey.of("Company", "10")).block();
		long issued = tokensIssued();
		long requests = sandboxRequests();
		admin("/_admin/tokens/expire", Map.of());
		IfsEntity company = client().read(COMPANIES, IfsKey.of("Company", "10")).block();
		assertThat(company.string("Name")).isEqualTo("Demo Co");
		assertThat(tokensIssued()).isEqualTo(issued + 1);
		// the refused request and its repetition
		assertThat(sandboxRequests()).isEqualTo(requests + 2);
	}

	@Test
	void aWrongClientSecretIsATypedErrorThatSaysWhichSettingsToCheck() {
		assertThatThrownBy(
				() -> this.clients.forTenant("ifswrongsecret").read(COMPANIES, IfsKey.of("Company", "10")).block())
			.isInstanceOf(IfsException.class)
			.hasMessageContaining("401")
			.hasMessageContaining("unauthorized_client")
			.hasMessageContaining("mlc.tenants.ifswrongsecret.ifs.realm, client-id and client-secret");
	}

	@Test
	void aStaleEtagIsATypedConflictAndTheReReadSucceeds() {
		generateInvoices(1, 1);
		IfsEntity read = client().read(INVOICES, FIRST_INVOICE).block();
		// another IFS user changes the invoice after our read
		touch("ManSuppInvoiceSet", "Company='10',InvoiceId=1");
		assertThatThrownBy(() -> client().invoke(INVOICES, FIRST_INVOICE, AUTHORIZE, read.etag(), Map.of()).block())
			.isInstanceOf(IfsConflictException.class)
			.hasMessageContaining("412 ODP_PRECONDITION_FAILED")
			.hasMessageContaining("re-read it");
		IfsEntity reread = client().read(INVOICES, FIRST_INVOICE).block();
		assertThat(reread.etag()).isNotEqualTo(read.etag());
		client().invoke(INVOICES, FIRST_INVOICE, AUTHORIZE, reread.etag(), Map.of()).block();
		assertThat(client().read(INVOICES, FIRST_INVOICE).block().string("Objstate")).isEqualTo("Authorized");
	}

	@Test
	void aPatchIsNeverSentWithoutAnEtagNorWithTheWildcard() {
		generateInvoices(1, 1);
		long requests = sandboxRequests();
		assertThatThrownBy(() -> client().update(INVOICES, FIRST_INVOICE, null, Map.of("SupplierName", "X")).block())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("upserts without If-Match");
		assertThatIllegalArgumentException().isThrownBy(() -> new IfsEtag("*")).withMessageContaining("never sent");
		assertThatIllegalArgumentException().isThrownBy(() -> new IfsEtag(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> new IfsBatch.Request("PATCH",
				"ManSuppInvoiceSet(Company='10',InvoiceId=1)", "1", null, Map.of()));
		assertThat(sandboxRequests()).isEqualTo(requests);
	}

	@Test
	void aPatchCarriesTheEtagSoAStaleOneIsRefusedInsteadOfOverwriting() {
		generateInvoices(1, 1);
		IfsEntity read = client().read(INVOICES, FIRST_INVOICE).block();
		IfsEntity updated = client().update(INVOICES, FIRST_INVOICE, read.etag(), Map.of("SupplierName", "Acme"))
			.block();
		assertThat(updated.string("SupplierName")).isEqualTo("Acme");
		assertThat(updated.etag()).isNotEqualTo(read.etag());
		assertThatThrownBy(
				() -> client().update(INVOICES, FIRST_INVOICE, read.etag(), Map.of("SupplierName", "Other")).block())
			.isInstanceOf(IfsConflictException.class);
		assertThat(client().read(INVOICES, FIRST_INVOICE).block().string("SupplierName")).isEqualTo("Acme");
	}

	@Test
	void aMissingIfMatchOnAnActionIsATypedProgrammingError() {
		generateInvoices(1, 1);
		URI action = client().uri("ManSuppInvoiceHandling",
				"ManSuppInvoiceSet(Company='10',InvoiceId=1)/IfsApp.ManSuppInvoiceHandling.ManSuppInvoice_Authorize",
				Map.of());
		assertThatThrownBy(() -> client()
			.exchange(new IfsClient.Call(HttpMethod.POST, action, Map.of(), "{}".getBytes(), true, "authorize"))
			.block()).isInstanceOf(IfsPreconditionRequiredException.class)
			.hasMessageContaining("428 ODP_MISSING_PRECONDITION")
			.hasMessageContaining("defect in ml-connector");
	}

	@Test
	void aLockedRecordIsRetriedLaterAndTheActionSucceedsOnceUnlocked() {
		generateInvoices(1, 1);
		IfsEntity read = client().read(INVOICES, FIRST_INVOICE).block();
		admin("/_admin/locks", Map.of("entitySet", "ManSuppInvoiceSet", "key", "Company='10',InvoiceId=1"));
		long requests = sandboxRequests();
		Mono<Void> unlockSoon = Mono.delay(Duration.ofMillis(400))
			.then(WebClient.create("http://localhost:" + PORT + "/sandbox/ifs/_admin/locks")
				.delete()
				.retrieve()
				.toBodilessEntity()
				.then());
		Mono.when(client().invoke(INVOICES, FIRST_INVOICE, AUTHORIZE, read.etag(), Map.of()), unlockSoon)
			.block(Duration.ofSeconds(60));
		assertThat(sandboxRequests() - requests).isGreaterThanOrEqualTo(2);
		assertThat(client().read(INVOICES, FIRST_INVOICE).block().string("Objstate")).isEqualTo("Authorized");
	}

	@Test
	void tooManyRequestsIsRetriedAfterTheServersRetryAfter() {
		fault(Map.of("kind", "STATUS", "status", 429, "count", 2, "retryAfterSeconds", 1));
		long started = System.nanoTime();
		long requests = sandboxRequests();
		IfsEntity company = client().read(COMPANIES, IfsKey.of("Company", "10")).block();
		assertThat(company.string("Company")).isEqualTo("10");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(sandboxRequests() - requests).isEqualTo(3);
	}

	@Test
	void serviceUnavailableAndGatewayTimeoutAreRetriedWithBackoff() {
		fault(Map.of("kind", "STATUS", "status", 503, "count", 1));
		fault(Map.of("kind", "STATUS", "status", 504, "count", 1));
		long requests = sandboxRequests();
		assertThat(client().read(COMPANIES, IfsKey.of("Company", "10")).block().string("Company")).isEqualTo("10");
		assertThat(sandboxRequests() - requests).isEqualTo(3);
	}

	@Test
	void metadataModifiedIsRetriedOnceAndSucceeds() {
		fault(Map.of("kind", "MI_MODIFIED_ERROR", "count", 1));
		long requests = sandboxRequests();
		assertThat(client().read(COMPANIES, IfsKey.of("Company", "10")).block().string("Company")).isEqualTo("10");
		assertThat(sandboxRequests() - requests).isEqualTo(2);
	}

	@Test
	void metadataModifiedTwiceInARowIsATypedErrorAfterOneRetry() {
		fault(Map.of("kind", "MI_MODIFIED_ERROR", "count", 2));
		long requests = sandboxRequests();
		assertThatThrownBy(() -> client().read(COMPANIES, IfsKey.of("Company", "10")).block())
			.isInstanceOfSatisfying(IfsException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(500);
				assertThat(ex.code()).isEqualTo("MI_MODIFIED_ERROR");
			});
		assertThat(sandboxRequests() - requests).isEqualTo(2);
	}

	@Test
	void aDroppedConnectionOnAReadIsRetried() {
		fault(Map.of("kind", "DROP_CONNECTION", "count", 1));
		assertThat(client().read(COMPANIES, IfsKey.of("Company", "10")).block().string("Company")).isEqualTo("10");
	}

	@Test
	void aDroppedConnectionOnACreateIsAnUnknownOutcomeAndNeverRepeated() {
		client().read(COMPANIES, IfsKey.of("Company", "10")).block();
		fault(Map.of("kind", "DROP_CONNECTION", "count", 1));
		long requests = sandboxRequests();
		assertThatThrownBy(
				() -> client().create(INVOICES, Map.of("Company", "10", "InvoiceNo", "INV-DROP", "Identity", "SUP-1"))
					.block())
			.isInstanceOf(IfsOutcomeUnknownException.class)
			.hasMessageContaining("look the record up by its reference");
		assertThat(sandboxRequests() - requests).isEqualTo(1);
	}

	@Test
	void otherErrorsAreTypedFromTheIfsErrorBody() {
		assertThatThrownBy(() -> client().read(INVOICES, IfsKey.of("Company", "10", "InvoiceId", 999L)).block())
			.isInstanceOfSatisfying(IfsException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.code()).isEqualTo("ODP_RESOURCE_NOTFOUND");
			});
		assertThatThrownBy(() -> client().create(INVOICES, Map.of("Company", "10", "Identity", "SUP-1")).block())
			.isInstanceOfSatisfying(IfsException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("ODP_MISSING_ATTRIBUTE");
				assertThat(ex.details()).extracting(IfsException.Detail::target).containsExactly("InvoiceNo");
			});
	}

	@Test
	void literalsAreEscapedSoQuotesAndPlusSignsAndDatesFilterExactly() {
		String tricky = "O'Brien & Sons + 100% ''co''";
		IfsEntity created = client()
			.create(INVOICES, Map.of("Company", "10", "InvoiceNo", tricky, "Identity", "SUP-1", "InvoiceDate",
					"2025-01-31", "GrossAmount", new BigDecimal("1500.10")))
			.block();
		generateInvoices(20, 10);
		List<IfsEntity> byNumber = client()
			.readAll(INVOICES, IfsQuery.all().filter(ODataLiteral.compare("InvoiceNo", "eq", tricky)))
			.collectList()
			.block();
		assertThat(byNumber).singleElement().satisfies((invoice) -> {
			assertThat(invoice.string("InvoiceNo")).isEqualTo(tricky);
			assertThat(invoice.money("GrossAmount")).isEqualTo(new BigDecimal("1500.10"));
		});
		List<IfsEntity> byDate = client()
			.readAll(INVOICES,
					IfsQuery.all()
						.filter(ODataLiteral.compare("InvoiceDate", "eq", LocalDate.of(2025, 1, 31)) + " and "
								+ ODataLiteral.compare("ChangedDate", "ge", created.instant("ChangedDate"))))
			.collectList()
			.block();
		assertThat(byDate).extracting((invoice) -> invoice.string("InvoiceNo")).containsExactly(tricky);
	}

	@Test
	void everyAttemptTakesAPermitFromTheTenantsSharedBudget() {
		Timer waits = this.meters.find("mlc.outbound.budget.wait").tag("budget", "ifs:ifstest").timer();
		long permitsBefore = (waits != null) ? waits.count() : 0;
		fault(Map.of("kind", "STATUS", "status", 503, "count", 1));
		client().read(COMPANIES, IfsKey.of("Company", "10")).block();
		client().read(COMPANIES, IfsKey.of("Company", "20")).block();
		assertThat(this.meters.get("mlc.outbound.budget.wait").tag("budget", "ifs:ifstest").timer().count())
			.isEqualTo(permitsBefore + 3);
	}

	@Test
	void theConnectionCheckGetsATokenAndReadsTheConfiguredCompany() {
		ConnectionCheck ifs = this.checks.stream().filter((check) -> check.system().equals("ifs")).findFirst().get();
		ConnectionCheck.Result ok = ifs.check(this.tenants.require("ifstest")).block();
		assertThat(ok.ok()).isTrue();
		assertThat(ok.detail()).contains("CompanyHandling.svc/CompanySet(Company='10')");
		ConnectionCheck.Result refused = ifs.check(this.tenants.require("ifswrongsecret")).block();
		assertThat(refused.ok()).isFalse();
		assertThat(refused.detail()).contains("401").contains("client-secret");
	}

}
