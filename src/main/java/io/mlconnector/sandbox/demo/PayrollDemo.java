package io.mlconnector.sandbox.demo;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.mlconnector.gusto.GustoClient;
import io.mlconnector.tenant.GustoConnection;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Runs the demo once the service is ready, on a thread of its own so start-up and the
 * event loop never wait for it. Everything goes over HTTP through the public surfaces, as
 * an operator would: the sandbox admin endpoints, {@code /connect/gusto}, the operator
 * API; only the check for an existing webhook subscription uses {@link GustoClient}. Each
 * stage logs a progress line; the end is a summary or a report of what failed and where
 * to look.
 */
final class PayrollDemo implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(PayrollDemo.class);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final String SANDBOX_OPERATOR_TOKEN = "sandbox-operator-token";

	/** Statuses of a posting that will not change any more. */
	private static final Set<String> FINAL = Set.of("POSTED", "FAILED", "NOTHING_TO_POST");

	private final DemoProperties properties;

	private final Tenants tenants;

	private final GustoClient gusto;

	private final WebClient http;

	private final Clock clock;

	private final String operatorToken;

	private volatile Thread thread;

	private volatile String stage = "starting";

	private volatile DemoOutcome outcome;

	PayrollDemo(DemoProperties properties, Tenants tenants, GustoClient gusto, WebClient http, Clock clock,
			String operatorToken) {
		this.properties = properties;
		this.tenants = tenants;
		this.gusto = gusto;
		this.http = http;
		this.clock = clock;
		this.operatorToken = operatorToken;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Integer port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", Integer.class);
		if (port == null || this.thread != null) {
			return;
		}
		Thread demo = new Thread(() -> this.outcome = run(port), "payroll-demo");
		demo.setDaemon(true);
		this.thread = demo;
		demo.start();
	}

	@Override
	public void destroy() {
		Thread demo = this.thread;
		if (demo != null) {
			demo.interrupt();
		}
	}

	/**
	 * How the demo ended, once it has.
	 * @return the outcome, or {@code null} while it runs
	 */
	DemoOutcome outcome() {
		return this.outcome;
	}

	/**
	 * The demo, start to end.
	 * @param port the port the service listens on
	 * @return the outcome (also logged)
	 */
	DemoOutcome run(int port) {
		String base = "http://localhost:" + port;
		Instant started = this.clock.instant();
		try {
			Tenant tenant = this.tenants.find(this.properties.tenant())
				.orElseThrow(() -> new IllegalStateException("no tenant '" + this.properties.tenant()
						+ "' is configured; set mlc.sandbox.demo.tenant to a tenant of the sandbox profile"));
			GustoConnection connection = tenant.gusto()
				.orElseThrow(() -> new IllegalStateException("tenant '" + tenant.id() + "' has no Gusto connection"));
			logger.info(
					"Payroll demo: tenant '{}', Gusto sandbox company {}, {} employees (seed {}); "
							+ "switch it off with mlc.sandbox.demo.enabled=false",
					tenant.id(), connection.companyUuid(), this.properties.employees(), this.properties.seed());

			this.stage = "generating the Gusto sandbox company";
			JsonNode company = send(HttpMethod.POST, base + "/sandbox/gusto/_admin/companies",
					Map.of("company_uuid", connection.companyUuid(), "employees", this.properties.employees(), "seed",
							this.properties.seed()));
			logger.info("Payroll demo 1/6: Gusto sandbox company {} generated with {} employees",
					company.path("company_uuid").asString(), company.path("employees").asInt());

			this.stage = "connecting Gusto (OAuth)";
			if (connected(tenant.id())) {
				logger.info("Payroll demo 2/6: Gusto already connected for tenant '{}' (stored tokens work)",
						tenant.id());
			}
			else {
				connect(base, tenant.id());
				logger.info("Payroll demo 2/6: Gusto connected for tenant '{}' through the OAuth flow "
						+ "(/connect/gusto → sandbox authorize → /connect/gusto/callback)", tenant.id());
			}

			this.stage = "subscribing to Gusto webhooks";
			String webhookUrl = base + "/webhooks/gusto";
			if (verifiedSubscription(tenant.id(), webhookUrl)) {
				logger.info("Payroll demo 3/6: webhook subscription for {} already verified", webhookUrl);
			}
			else {
				subscribe(base, tenant.id(), webhookUrl);
				logger.info("Payroll demo 3/6: webhooks subscribed for {} and verified (handshake done)", webhookUrl);
			}

			this.stage = "processing a payroll in the Gusto sandbox";
			JsonNode processed = processUnpostedPayroll(base, tenant.id(), connection.companyUuid());
			String payroll = processed.path("payroll_uuid").asString();
			int employees = processed.path("employees").asInt();
			logger.info("Payroll demo 4/6: payroll {} processed in Gusto for {} employees; payroll.processed is on "
					+ "its way to /webhooks/gusto → inbox → payrollPostingJob → IFS", payroll, employees);

			this.stage = "waiting for payroll " + payroll + " to be posted";
			JsonNode posting = awaitPosting(base, tenant.id(), payroll);
			Duration took = Duration.between(started, this.clock.instant());
			if (posting == null) {
				return failed(base, tenant.id(), payroll, "payroll " + payroll + " was not posted within "
						+ this.properties.timeout().toSeconds() + " s (no final posting status)", took);
			}
			String status = posting.path("status").asString();
			if (!"POSTED".equals(status)) {
				return failed(base, tenant.id(), payroll, "the posting of payroll " + payroll + " ended " + status
						+ ": " + posting.path("lastError").asString("(no error recorded)"), took);
			}
			logger.info("Payroll demo 5/6: payroll {} POSTED; syncing the company's people to IFS and Visma", payroll);

			this.stage = "syncing the demo company's people (peopleSweepJob)";
			People people = syncPeople(base, tenant);
			DemoOutcome outcome = summary(base, tenant.id(), payroll, employees, posting, took, people);
			logger.info("Payroll demo 6/6: payroll {} POSTED, people synced{}", payroll, outcome.report());
			return outcome;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.info("Payroll demo stopped while {}: the service is shutting down", this.stage);
			return new DemoOutcome(false, null, List.of(), "interrupted", Map.of());
		}
		catch (RuntimeException ex) {
			if (Thread.currentThread().isInterrupted()) {
				logger.info("Payroll demo stopped while {}: the service is shutting down", this.stage);
				return new DemoOutcome(false, null, List.of(), "interrupted", Map.of());
			}
			return failed(base, this.properties.tenant(), null,
					this.stage + " failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(),
					Duration.between(started, this.clock.instant()));
		}
	}

	private boolean connected(String tenant) {
		logger.info("Payroll demo: checking the Gusto connection of tenant '{}'; after a restart the Gusto sandbox, "
				+ "which keeps its grants in memory, refuses the tokens stored by the earlier run (GustoTokens "
				+ "logs that) and the demo connects again", tenant);
		try {
			return this.gusto.tokenInfo(tenant).block(REQUEST_TIMEOUT) != null;
		}
		catch (RuntimeException ex) {
			// no tokens, or tokens of an earlier run that the (in-memory) sandbox no
			// longer knows
			logger.info("Payroll demo: no working Gusto connection for tenant '{}' ({}); connecting", tenant,
					ex.getMessage());
			return false;
		}
	}

	private void connect(String base, String tenant) {
		// as an operator would: ask the operator API for a signed link and open it in a
		// browser (the connect flow starts only for an operator)
		String link = this.http.post()
			.uri(URI.create(base + "/api/v1/tenants/" + tenant + "/gusto/connect-link"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.operatorToken)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(REQUEST_TIMEOUT)
			.path("url")
			.asString();
		URI authorize = redirect(link);
		URI callback = redirect(authorize.toString());
		JsonNode answer = send(HttpMethod.GET, callback.toString(), null);
		if (!"connected".equals(answer.path("status").asString())) {
			throw new IllegalStateException("the OAuth callback answered " + answer);
		}
	}

	private boolean verifiedSubscription(String tenant, String url) {
		List<?> verified = this.gusto.webhookSubscriptions(tenant)
			.filter((subscription) -> url.equals(subscription.url()) && "verified".equals(subscription.status()))
			.collectList()
			.block(REQUEST_TIMEOUT);
		return verified != null && !verified.isEmpty();
	}

	private void subscribe(String base, String tenant, String url) throws InterruptedException {
		this.http.put()
			.uri(base + "/api/v1/gusto/webhook-subscription")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.operatorToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("tenant", tenant, "url", url))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(REQUEST_TIMEOUT);
		if (!await(Duration.ofSeconds(30), () -> verifiedSubscription(tenant, url))) {
			throw new IllegalStateException("the webhook subscription for " + url
					+ " was not verified within 30 s: the sandbox POSTs a verification token to /webhooks/gusto, "
					+ "see the log of GustoWebhookVerification");
		}
	}

	/**
	 * Processes the next payroll of the company, and the one after it while Gusto's
	 * payrolls are ones an earlier run of the demo posted (the sandbox regenerates the
	 * same company on every start, while the database keeps the postings).
	 */
	private JsonNode processUnpostedPayroll(String base, String tenant, String company) {
		for (int attempt = 0; attempt < 50; attempt++) {
			JsonNode processed = send(HttpMethod.POST, base + "/sandbox/gusto/_admin/payrolls/process",
					Map.of("company_uuid", company));
			JsonNode posting = posting(base, tenant, processed.path("payroll_uuid").asString());
			if (posting == null || !Set.of("POSTED", "NOTHING_TO_POST").contains(posting.path("status").asString())) {
				return processed;
			}
			logger.info("Payroll demo: payroll {} was posted by an earlier run; processing the next one",
					processed.path("payroll_uuid").asString());
		}
		throw new IllegalStateException(
				"50 payrolls in a row were posted by earlier runs; delete ./data to start over");
	}

	private JsonNode awaitPosting(String base, String tenant, String payroll) throws InterruptedException {
		JsonNode[] last = new JsonNode[1];
		await(this.properties.timeout(), () -> {
			last[0] = posting(base, tenant, payroll);
			return last[0] != null && FINAL.contains(last[0].path("status").asString());
		});
		return (last[0] != null && FINAL.contains(last[0].path("status").asString())) ? last[0] : null;
	}

	/**
	 * The payroll's ACCRUAL posting from the operator API, or {@code null}.
	 */
	private JsonNode posting(String base, String tenant, String payroll) {
		JsonNode postings = operator(base + "/api/v1/postings?tenant=" + tenant + "&payroll=" + payroll);
		for (JsonNode posting : postings) {
			if ("ACCRUAL".equals(posting.path("kind").asString())) {
				return posting;
			}
		}
		return null;
	}

	/**
	 * Sweeps the tenant's people once, as an operator would through the operator API, and
	 * reads the headcount of each system the sweep recorded.
	 */
	private People syncPeople(String base, Tenant tenant) throws InterruptedException {
		LocalDate today = LocalDate.now(this.clock.withZone(tenant.properties().timeZone()));
		long execution = this.http.post()
			.uri(URI.create(base + "/api/v1/jobs/peopleSweepJob/launch"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.operatorToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("parameters",
					Map.of("tenant", tenant.id(), "day", today.toString(), "run", "demo-" + this.clock.millis())))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(REQUEST_TIMEOUT)
			.path("executionId")
			.asLong();
		JsonNode[] last = new JsonNode[1];
		await(this.properties.timeout(), () -> {
			last[0] = operator(base + "/api/v1/executions/" + execution);
			return !Set.of("STARTING", "STARTED", "STOPPING").contains(last[0].path("status").asString());
		});
		String status = (last[0] != null) ? last[0].path("status").asString() : "UNKNOWN";
		Map<String, Long> headcount = new TreeMap<>();
		if ("COMPLETED".equals(status)) {
			for (JsonNode count : operator(base + "/api/v1/people/headcount?tenant=" + tenant.id())) {
				headcount.put(count.path("system").asString(), count.path("headcount").asLong());
			}
		}
		return new People(execution, status, headcount);
	}

	/**
	 * The demo's people sweep: its execution, how it ended, the headcount per system.
	 */
	private record People(long execution, String status, Map<String, Long> headcount) {

	}

	private DemoOutcome summary(String base, String tenant, String payroll, int employees, JsonNode posting,
			Duration took, People people) {
		JsonNode audit = operator(
				base + "/api/v1/audit?subject=payroll:" + payroll + ":ACCRUAL&tenant=" + tenant + "&size=500");
		List<DemoOutcome.Voucher> vouchers = new ArrayList<>();
		for (JsonNode event : audit.path("events")) {
			if (!"payroll.voucher.posted".equals(event.path("action").asString())) {
				continue;
			}
			String reference = event.path("detail").path("reference").asString();
			JsonNode found = send(HttpMethod.GET, base + "/sandbox/ifs/_admin/vouchers?reference="
					+ java.net.URLEncoder.encode(reference, java.nio.charset.StandardCharsets.UTF_8), null);
			for (JsonNode voucher : found.path("vouchers")) {
				vouchers.add(new DemoOutcome.Voucher(voucher.path("Company").asString(),
						voucher.path("VoucherType").asString() + " " + voucher.path("AccountingYear").asInt() + "/"
								+ voucher.path("VoucherNo").asLong(),
						reference, voucher.path("VoucherRowArray").size(), voucher.path("DebitTotal").decimalValue(),
						voucher.path("CreditTotal").decimalValue(), voucher.path("Balanced").asBoolean()));
			}
		}
		vouchers.sort(java.util.Comparator.comparing(DemoOutcome.Voucher::company));
		boolean balanced = !vouchers.isEmpty() && vouchers.stream().allMatch(DemoOutcome.Voucher::balanced);
		StringBuilder report = new StringBuilder();
		String rule = "=".repeat(96);
		report.append("\n").append(rule).append("\n");
		report.append(String.format(" Payroll demo: payroll posted to IFS in %.1f s%n", took.toMillis() / 1000.0));
		report.append(String.format(" Tenant %s, Gusto payroll %s, check date %s, %d employees, gross pay %s%n", tenant,
				payroll, posting.path("checkDate").asString(), employees, money(posting.path("grossPay"))));
		report.append(String.format("%n  %-8s %-14s %5s %16s %16s  %-8s  %s%n", "company", "voucher", "rows", "debit",
				"credit", "balanced", "reference"));
		BigDecimal debit = BigDecimal.ZERO;
		BigDecimal credit = BigDecimal.ZERO;
		int rows = 0;
		for (DemoOutcome.Voucher voucher : vouchers) {
			report.append(String.format("  %-8s %-14s %5d %,16.2f %,16.2f  %-8s  %s%n", voucher.company(),
					voucher.number(), voucher.rows(), voucher.debit(), voucher.credit(),
					voucher.balanced() ? "yes" : "NO", voucher.reference()));
			debit = debit.add(voucher.debit());
			credit = credit.add(voucher.credit());
			rows += voucher.rows();
		}
		report.append(String.format("  %-8s %-14s %5d %,16.2f %,16.2f  %-8s%n", "total", vouchers.size() + " vouchers",
				rows, debit, credit, balanced ? "yes" : "NO"));
		if ("COMPLETED".equals(people.status())) {
			report
				.append(String.format("%n People (peopleSweepJob execution %d): headcount Gusto %d, IFS %d, Visma %d%n",
						people.execution(), people.headcount().getOrDefault("gusto", 0L),
						people.headcount().getOrDefault("ifs", 0L), people.headcount().getOrDefault("visma", 0L)));
		}
		else {
			report.append(String.format(
					"%n People sync (peopleSweepJob execution %d) ended %s: see "
							+ "/api/v1/executions/%d and /api/v1/people/failed%n",
					people.execution(), people.status(), people.execution()));
		}
		report.append("\n Look next:\n");
		String token = SANDBOX_OPERATOR_TOKEN.equals(this.operatorToken) ? this.operatorToken : "$MLC_OPS_TOKEN";
		report.append(String.format("  curl -s -H \"Authorization: Bearer %s\" '%s/api/v1/postings?tenant=%s'%n", token,
				base, tenant));
		report.append(String.format(
				"  curl -s -H \"Authorization: Bearer %s\" '%s/api/v1/executions?job=payrollPostingJob'%n", token,
				base));
		report.append(String.format(
				"  curl -s -H \"Authorization: Bearer %s\" '%s/api/v1/audit?subject=payroll:%s:ACCRUAL'%n", token, base,
				payroll));
		if (!vouchers.isEmpty()) {
			report.append(String.format("  curl -s '%s/sandbox/ifs/_admin/vouchers?reference=%s'%n", base,
					vouchers.get(0).reference()));
		}
		report
			.append(String.format("  curl -s -H \"Authorization: Bearer %s\" '%s/api/v1/people/headcount?tenant=%s'%n",
					token, base, tenant));
		report.append(String.format("  curl -s '%s/actuator/prometheus' | grep -E '^mlc_|^spring_batch'%n", base));
		report.append(String.format("  curl -s -X POST '%s/sandbox/gusto/_admin/payrolls/process'   "
				+ "# process the next payroll: it is posted the same way%n", base));
		report.append(rule);
		return new DemoOutcome(balanced, payroll, List.copyOf(vouchers), report.toString(),
				Map.copyOf(people.headcount()));
	}

	private DemoOutcome failed(String base, String tenant, String payroll, String what, Duration took) {
		String token = SANDBOX_OPERATOR_TOKEN.equals(this.operatorToken) ? this.operatorToken : "$MLC_OPS_TOKEN";
		StringBuilder report = new StringBuilder();
		String rule = "!".repeat(96);
		report.append("\n").append(rule).append("\n");
		report.append(String.format(" Payroll demo FAILED after %.1f s: %s%n", took.toMillis() / 1000.0, what));
		report.append("\n Where to look:\n");
		report.append("  the log above (lines of payrollPostingJob carry [ml-connector,")
			.append(tenant)
			.append(",<job>])\n");
		report.append(String.format("  curl -s -H \"Authorization: Bearer %s\" '%s/api/v1/inbox?status=FAILED'%n",
				token, base));
		report.append(String.format(
				"  curl -s -H \"Authorization: Bearer %s\" '%s/api/v1/executions?job=payrollPostingJob'%n", token,
				base));
		report.append(String.format("  curl -s -H \"Authorization: Bearer %s\" '%s/api/v1/postings?tenant=%s%s'%n",
				token, base, tenant, (payroll != null) ? "&payroll=" + payroll : ""));
		report.append(String.format("  curl -s -H \"Authorization: Bearer %s\" '%s/api/v1/tenants/%s/connections'%n",
				token, base, tenant));
		report.append(String.format("  curl -s '%s/sandbox/gusto/_admin/stats'%n", base));
		report.append(rule);
		logger.error("Payroll demo failed{}", report);
		return new DemoOutcome(false, payroll, List.of(), report.toString(), Map.of());
	}

	private JsonNode operator(String url) {
		return this.http.get()
			.uri(URI.create(url))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.operatorToken)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(REQUEST_TIMEOUT);
	}

	private JsonNode send(HttpMethod method, String url, Object body) {
		WebClient.RequestBodySpec request = this.http.method(method).uri(URI.create(url));
		WebClient.RequestHeadersSpec<?> spec = (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
		return spec.retrieve().bodyToMono(JsonNode.class).block(REQUEST_TIMEOUT);
	}

	private URI redirect(String url) {
		URI location = this.http.get()
			.uri(URI.create(url))
			.exchangeToMono((response) -> Mono.justOrEmpty(response.headers().asHttpHeaders().getLocation()))
			.block(REQUEST_TIMEOUT);
		if (location == null) {
			throw new IllegalStateException("GET " + url + " did not redirect");
		}
		return location;
	}

	private boolean await(Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
		Instant deadline = this.clock.instant().plus(timeout);
		while (true) {
			if (condition.get()) {
				return true;
			}
			if (this.clock.instant().isAfter(deadline)) {
				return false;
			}
			Thread.sleep(POLL.toMillis());
		}
	}

	private static String money(JsonNode amount) {
		return amount.isNumber() || amount.isString() ? String.format("%,.2f", new BigDecimal(amount.asString())) : "?";
	}

}
