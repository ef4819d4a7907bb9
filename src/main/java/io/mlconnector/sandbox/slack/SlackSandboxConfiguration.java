package io.mlconnector.sandbox.slack;

import java.time.Clock;

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
 * Wires the Slack sandbox under {@code /sandbox/slack} in the {@code sandbox} profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableConfigurationProperties(SlackSandboxProperties.class)
class SlackSandboxConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SlackSandboxConfiguration.class);

	@Bean
	SlackSandboxAdmin slackSandboxAdmin(SlackSandboxProperties properties, JsonMapper json, Clock clock,
			ObjectProvider<WebClient.Builder> builder) {
		SlackWorkspace workspace = new SlackWorkspace(clock, json, properties);
		// Boot's builder, as the other sandboxes use. With a plain WebClient.builder()
		// here, payroll and operator API tests in other contexts of the same test JVM
		// failed (job stop and posting outcome); why exactly is not established
		SlackSandboxSender sender = new SlackSandboxSender(builder.getIfAvailable(WebClient::builder).clone().build(),
				workspace, properties, json, clock);
		return new SlackSandboxAdmin(workspace, sender, new SlackSandboxApi(workspace, json));
	}

	@Bean
	RouterFunction<ServerResponse> slackSandboxRoutes(SlackSandboxAdmin admin) {
		SlackSandboxApi api = admin.api();
		return RouterFunctions.route()
			.POST("/sandbox/slack/api/{method}", api::method)
			.POST("/sandbox/slack/hooks/{kind}/{team}/{id}", api::hook)
			.POST("/sandbox/slack/_admin/reset", admin::reset)
			.GET("/sandbox/slack/_admin/workspace", admin::workspace)
			.POST("/sandbox/slack/_admin/settings", admin::settings)
			.POST("/sandbox/slack/_admin/faults", admin::fault)
			.POST("/sandbox/slack/_admin/tokens", admin::token)
			.POST("/sandbox/slack/_admin/channels", admin::channel)
			.GET("/sandbox/slack/_admin/messages", admin::messages)
			.POST("/sandbox/slack/_admin/messages/by-user", admin::userMessage)
			.GET("/sandbox/slack/_admin/messages/{channel}/{ts}", admin::message)
			.GET("/sandbox/slack/_admin/stats", admin::stats)
			.GET("/sandbox/slack/_admin/responses", admin::responses)
			.GET("/sandbox/slack/_admin/deliveries", admin::deliveries)
			.POST("/sandbox/slack/_admin/send/command", admin::sendCommand)
			.POST("/sandbox/slack/_admin/send/action", admin::sendAction)
			.POST("/sandbox/slack/_admin/send/event", admin::sendEvent)
			.build();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> slackSandboxBanner(SlackSandboxProperties properties) {
		return (event) -> logger.info(
				"Slack sandbox at /sandbox/slack/api: workspace {}, bot token '{}', signing secret '{}' (fix them "
						+ "with MLC_SANDBOX_SLACK_BOT_TOKEN and MLC_SANDBOX_SLACK_SIGNING_SECRET); {} message(s) per "
						+ "channel per {} s; signed commands and clicks go to {}",
				properties.teamId(), properties.botToken(), properties.signingSecret(), properties.messagesPerChannel(),
				properties.channelWindow().toSeconds(), properties.serviceUrl());
	}

}
