package io.mlconnector.sandbox.gusto;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's state: companies, OAuth, rate limit, faults, webhooks and counters.
 */
final class GustoSandbox {

	final GustoSandboxProperties properties;

	final Clock clock;

	final SandboxOAuth oauth;

	final SandboxRateLimit rateLimit;

	final SandboxFaults faults = new SandboxFaults();

	final SandboxWebhooks webhooks;

	final Map<String, SandboxCompany> companies = new ConcurrentHashMap<>();

	final AtomicLong requests = new AtomicLong();

	final AtomicLong rateLimited = new AtomicLong();

	final AtomicLong unauthorized = new AtomicLong();

	GustoSandbox(GustoSandboxProperties properties, Clock clock, SandboxWebhooks webhooks) {
		this.properties = properties;
		this.clock = clock;
		this.oauth = new SandboxOAuth(clock, properties.accessTokenLifetime());
		this.rateLimit = new SandboxRateLimit(clock, properties.rateLimit(), properties.rateLimitWindow());
		this.webhooks = webhooks;
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	SandboxCompany company(String uuid) {
		return (uuid != null) ? this.companies.get(uuid) : this.companies.get(this.properties.companyUuid());
	}

	SandboxCompany create(String uuid, int employees, long seed, LocalDate asOf) {
		return create(uuid, employees, seed, seed, asOf);
	}

	SandboxCompany create(String uuid, int employees, long seed, long locationSeed, LocalDate asOf) {
		SandboxCompany company = CompanyGenerator.generate(uuid, employees, seed, locationSeed,
				(asOf != null) ? asOf : today());
		this.companies.put(company.uuid, company);
		return company;
	}

	void resetCounters() {
		this.requests.set(0);
		this.rateLimited.set(0);
		this.unauthorized.set(0);
		this.oauth.authorizationCodeRequests.set(0);
		this.oauth.refreshRequests.set(0);
		this.oauth.rejectedRefreshRequests.set(0);
		this.oauth.systemAccessRequests.set(0);
		this.webhooks.deliveries.set(0);
		this.webhooks.failedDeliveries.set(0);
	}

}
