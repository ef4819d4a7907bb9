package io.mlconnector.gusto;

import java.time.Duration;
import java.util.Map;

import io.mlconnector.inbox.GustoEventCatchUp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's catch-up against the Gusto sandbox: events the webhook never delivered are
 * pulled from {@code GET /v1/events} into the inbox, once.
 */
class GustoEventCatchUpIntegrationTests extends GustoSandboxTestSupport {

	@Autowired
	private GustoEventCatchUp catchUp;

	@Test
	void catchUpFindsAnEventThatWasNeverDeliveredAndStoresItOnce() {
		// given a connected tenant and a processed payroll whose webhook never arrived
		this.jdbc.sql("DELETE FROM oauth_token").update();
		this.jdbc.sql("DELETE FROM sync_cursor WHERE cursor_name = 'gusto:events'").update();
		assertThat(connect(null).getStatusCode().value()).isEqualTo(200);
		String payroll = admin("POST", "/_admin/payrolls/process", Map.of()).path("payroll_uuid").asString();
		this.jdbc.sql("DELETE FROM inbox_event").update();

		// when the catch-up runs
		GustoEventCatchUp.Result first = this.catchUp.catchUp(TENANT).block(Duration.ofSeconds(60));

		// then the event is in the inbox as a webhook delivery would have put it, and the
		// position is where the pull stopped
		assertThat(first.stored()).isPositive();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM inbox_event WHERE source = 'GUSTO' AND event_type = 'payroll.processed' "
					+ "AND entity_id = ? AND tenant = ? AND status = 'RECEIVED'")
			.params(payroll, TENANT)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT payload FROM inbox_event WHERE entity_id = ? AND event_type = 'payroll.processed'")
			.param(payroll)
			.query(String.class)
			.single()).contains("\"event_type\":\"payroll.processed\"", "\"resource_uuid\":\"" + COMPANY + "\"");
		String position = this.jdbc
			.sql("SELECT position FROM sync_cursor WHERE tenant = ? AND cursor_name = 'gusto:events'")
			.param(TENANT)
			.query(String.class)
			.single();
		assertThat(position).isNotBlank();

		// and a second pull starts after it: nothing new, nothing stored twice
		GustoEventCatchUp.Result second = this.catchUp.catchUp(TENANT).block(Duration.ofSeconds(60));
		assertThat(second.stored()).isZero();
		this.jdbc.sql("DELETE FROM sync_cursor WHERE cursor_name = 'gusto:events'").update();
		GustoEventCatchUp.Result fromScratch = this.catchUp.catchUp(TENANT).block(Duration.ofSeconds(60));
		assertThat(fromScratch.stored()).isZero();
		assertThat(fromScratch.duplicates()).isEqualTo(first.stored());
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM inbox_event WHERE entity_id = ? AND event_type = 'payroll.processed'")
			.param(payroll)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aTenantThatWasNeverConnectedIsSkippedWithoutAnError() {
		this.jdbc.sql("DELETE FROM oauth_token").update();
		assertThat(this.catchUp.catchUp(TENANT).block(Duration.ofSeconds(30)))
			.isEqualTo(new GustoEventCatchUp.Result(0, 0));
	}

}
