package io.mlconnector.sandbox.gusto;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The Gusto simulator under {@code /sandbox/gusto}, in the {@code sandbox} profile only.
 * Prints its client id, client secret and webhook verification token at start-up.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(GustoSandboxProperties.class)
class GustoSandboxConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(GustoSandboxConfiguration.class);

	@Bean
	GustoSandbox gustoSandbox(GustoSandboxProperties properties, Clock clock, ObjectProvider<WebClient.Builder> builder,
			JsonMapper json) {
		String token = (properties.verificationToken() != null && !properties.verificationToken().isBlank())
				? properties.verificationToken() : UUID.randomUUID().toString();
		SandboxWebhooks webhooks = new SandboxWebhooks(builder.getIfAvailable(WebClient::builder).clone().build(), json,
				clock, properties, token);
		GustoSandbox sandbox = new GustoSandbox(properties, clock, webhooks);
		sandbox.create(properties.companyUuid(), properties.employees(), properties.seed(), null);
		logger.info(
				"Gusto sandbox: client id '{}', client secret '{}', webhook verification token '{}' "
						+ "(set MLC_SANDBOX_GUSTO_CLIENT_ID, MLC_SANDBOX_GUSTO_CLIENT_SECRET, "
						+ "MLC_SANDBOX_GUSTO_VERIFICATION_TOKEN to fix them); company {} with {} employees",
				properties.clientId(), properties.clientSecret(), token, properties.companyUuid(),
				properties.employees());
		return sandbox;
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> gustoSandboxSubscription(GustoSandbox sandbox) {
		return (event) -> {
			String url = sandbox.properties.webhookUrl();
			if (url != null && !url.isBlank()) {
				sandbox.webhooks.create(url, List.of("Company", "Employee", "Payroll", "Location"));
			}
		};
	}

	@Bean
	RouterFunction<ServerResponse> gustoSandboxRoutes(GustoSandbox sandbox) {
		SandboxApi api = new SandboxApi(sandbox);
		SandboxOAuthEndpoints oauth = new SandboxOAuthEndpoints(sandbox);
		SandboxAdmin admin = new SandboxAdmin(sandbox);
		RouterFunction<ServerResponse> v1 = RouterFunctions.route()
			.GET("/token_info", api::tokenInfo)
			.GET("/companies/{company}", api::company)
			.GET("/companies/{company}/payrolls", api::payrolls)
			.GET("/companies/{company}/payrolls/{payroll}", api::payroll)
			.GET("/companies/{company}/employees", api::employees)
			.GET("/companies/{company}/departments", api::departments)
			.GET("/companies/{company}/locations", api::locations)
			.GET("/employees/{employee}", api::employee)
			.PUT("/employees/{employee}", api::updateEmployee)
			.GET("/employees/{employee}/terminations", api::terminations)
			.GET("/employees/{employee}/work_addresses", api::workAddresses)
			.GET("/employees/{employee}/jobs", api::embeddedOnly)
			.GET("/jobs/{job}/compensations", api::jobCompensations)
			.GET("/departments/{department}", api::department)
			.PUT("/departments/{department}", api::updateDepartment)
			.GET("/locations/{location}", api::location)
			.GET("/events", api::events)
			.GET("/webhook_subscriptions", api::subscriptions)
			.POST("/webhook_subscriptions", api::createSubscription)
			.GET("/webhook_subscriptions/{subscription}", api::subscription)
			.PUT("/webhook_subscriptions/{subscription}", api::updateSubscription)
			.DELETE("/webhook_subscriptions/{subscription}", api::deleteSubscription)
			.PUT("/webhook_subscriptions/{subscription}/verify", api::verifySubscription)
			.GET("/webhook_subscriptions/{subscription}/request_verification_token", api::requestVerificationToken)
			.filter((request, next) -> api.guard(request, next::handle))
			.build();
		return RouterFunctions.route()
			.path("/sandbox/gusto",
					(gusto) -> gusto.path("/v1", () -> v1)
						.GET("/oauth/authorize", oauth::authorize)
						.POST("/oauth/token", oauth::token)
						.POST("/oauth/revoke", oauth::revoke)
						.POST("/_admin/companies", admin::createCompany)
						.POST("/_admin/payrolls/process", admin::processPayroll)
						.POST("/_admin/payrolls/{payroll}/reverse", admin::reversePayroll)
						.POST("/_admin/payrolls/{payroll}/cancel", admin::cancelPayroll)
						.POST("/_admin/payrolls/{payroll}/pay", admin::payPayroll)
						.POST("/_admin/employees", admin::createEmployee)
						.PUT("/_admin/employees/{employee}", admin::updateEmployee)
						.POST("/_admin/employees/{employee}/terminate", admin::terminateEmployee)
						.POST("/_admin/employees/{employee}/rehire", admin::rehireEmployee)
						.POST("/_admin/faults", admin::addFault)
						.DELETE("/_admin/faults", admin::clearFaults)
						.POST("/_admin/tokens", admin::tokens)
						.POST("/_admin/rate-limit", admin::rateLimit)
						.POST("/_admin/webhooks", admin::webhooks)
						.GET("/_admin/stats", admin::stats)
						.DELETE("/_admin/stats", admin::resetStats)
						.GET("/_admin/credentials", admin::credentials))
			.build();
	}

}
