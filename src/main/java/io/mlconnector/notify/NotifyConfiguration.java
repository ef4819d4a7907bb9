package io.mlconnector.notify;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.audit.AuditTrail;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The parts of the IFS → Slack notifications that the polling job builds on: the
 * {@code slack_message} records and the notifier that posts or updates a record's
 * message.
 */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

	@Bean
	SlackMessages slackMessages(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
		return new SlackMessages(jdbc, clock, transactionManager);
	}

	@Bean
	ErpNotifier erpNotifier(SlackMessages messages, AuditTrail audit, MeterRegistry meters, JsonMapper json) {
		return new ErpNotifier(messages, audit, meters, json);
	}

}
