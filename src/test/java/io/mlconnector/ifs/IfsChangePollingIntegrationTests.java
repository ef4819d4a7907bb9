package io.mlconnector.ifs;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfsChangePollingIntegrationTests extends IfsSandboxTestSupport {

	@Autowired
	private IfsChangePoller poller;

	private IfsChangePoll start() {
		return this.poller.start(TENANT, INVOICES, INVOICE_KEYS, List.of("InvoiceNo", "Objstate")).block();
	}

	@Test
	void theFirstPollSeesEveryRecordAndTheWatermarkIsStoredOnlyOnCommit() {
		generateInvoices(30, 10);
		IfsChangePoll poll = start();
		List<IfsEntity> changes = poll.changes().collectList().block();
		assertThat(changes).hasSize(30);
		assertThat(storedWatermark()).isNull();
		poll.commit().block();
		assertThat(storedWatermark()).isEqualTo(changes.get(29).instant("ChangedDate"));
	}

	@Test
	void theNextPollSeesOnlyWhatChangedAndSkipsTheOverlapWindowsRepeats() {
		generateInvoices(30, 10);
		IfsChangePoll first = start();
		first.changes().blockLast();
		first.commit().block();

		IfsChangePoll quiet = start();
		assertThat(quiet.changes().collectList().block()).isEmpty();
		assertThat(quiet.duplicatesSkipped()).isPositive();
		quiet.commit().block();

		touch("ManSuppInvoiceSet", "Company='10',InvoiceId=3");
		touch("ManSuppInvoiceSet", "Company='10',InvoiceId=30");
		IfsChangePoll next = start();
		List<IfsEntity> changes = next.changes().collectList().block();
		assertThat(changes).extracting((invoice) -> invoice.longValue("InvoiceId")).containsExactly(3L, 30L);
		next.commit().block();
		assertThat(start().changes().collectList().block()).isEmpty();
	}

	@Test
	void recordsChangedDuringAPollAreSeenInTheirNewVersionAndNoVersionTwice() {
		generateInvoices(3_000, 100);
		admin("/_admin/settings", Map.of("maxPageSize", 500));
		IfsChangePoll poll = start();
		Set<String> versions = new HashSet<>();
		Set<Long> keys = new HashSet<>();
		int read = 0;
		for (IfsEntity invoice : poll.changes().toIterable(1)) {
			assertThat(versions.add(invoice.longValue("InvoiceId") + invoice.etag().value())).isTrue();
			keys.add(invoice.longValue("InvoiceId"));
			if (++read == 1_000) {
				// another user changes a record this poll has already returned
				touch("ManSuppInvoiceSet", "Company='10',InvoiceId=10");
			}
		}
		assertThat(keys).hasSize(3_000);
		assertThat(versions).hasSize(3_001);
	}

	@Test
	void aFailedPageChainLeavesTheWatermarkWhereItWas() {
		generateInvoices(30, 10);
		admin("/_admin/settings", Map.of("maxPageSize", 10));
		IfsChangePoll poll = start();
		Iterable<IfsEntity> changes = poll.changes().toIterable(1);
		int read = 0;
		Throwable failure = null;
		try {
			for (IfsEntity ignored : changes) {
				if (++read == 5) {
					fault(Map.of("kind", "STATUS", "status", 500, "count", 1));
				}
			}
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		assertThat(failure).isInstanceOf(IfsException.class);
		assertThatIllegalStateException().isThrownBy(() -> poll.commit().block())
			.withMessageContaining("only after every changed record was read");
		assertThat(storedWatermark()).isNull();
		assertThat(start().changes().collectList().block()).hasSize(30);
	}

	@Test
	void twoPollersCannotBothMoveTheWatermark() {
		generateInvoices(5, 10);
		IfsChangePoll one = start();
		IfsChangePoll two = start();
		one.changes().blockLast();
		two.changes().blockLast();
		one.commit().block();
		assertThatThrownBy(() -> two.commit().block()).isInstanceOf(IfsCursorConflictException.class)
			.hasMessageContaining("moved by another poller");
	}

	private Instant storedWatermark() {
		return this.jdbc.sql("SELECT watermark FROM sync_cursor WHERE tenant = ? AND cursor_name = ?")
			.params(TENANT, "ifs:ManSuppInvoiceHandling/ManSuppInvoiceSet")
			.query((rs, row) -> rs.getObject("watermark", java.time.LocalDateTime.class))
			.optional()
			.map((at) -> at.toInstant(java.time.ZoneOffset.UTC))
			.orElse(null);
	}

}
