package io.mlconnector.ifs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class IfsPagingIntegrationTests extends IfsSandboxTestSupport {

	private static final int INVOICES_TO_PAGE = 100_000;

	@Test
	void aHundredThousandInvoicesArePagedInConstantMemoryAndEachIsSeenExactlyOnceWhileOthersChange() {
		generateInvoices(INVOICES_TO_PAGE, 50);
		client().read(COMPANIES, IfsKey.of("Company", "10")).block();
		long tokensBefore = tokensIssued();
		long requestsBefore = sandboxRequests();
		Set<Long> seen = new HashSet<>(INVOICES_TO_PAGE * 2);
		long duplicates = 0;
		int pages = 0;
		long mostPagesAhead = 0;
		Map<Long, String> etagsOfChanged = new HashMap<>();
		Iterator<IfsPage> stream = client()
			.pages(INVOICES, IfsQuery.all().select("Company", "InvoiceId", "GrossAmount", "ChangedDate"))
			.toIterable(1)
			.iterator();
		while (stream.hasNext()) {
			IfsPage page = stream.next();
			pages++;
			// pages requested from IFS but not yet handed to us: at most one waiting in
			// the buffer plus one in flight, however many pages there are
			long refusedForTheExpiredToken = (pages > 20) ? 1 : 0;
			mostPagesAhead = Math.max(mostPagesAhead,
					(sandboxRequests() - requestsBefore - refusedForTheExpiredToken) - pages);
			for (IfsEntity invoice : page.entities()) {
				long id = invoice.longValue("InvoiceId");
				if (!seen.add(id)) {
					duplicates++;
				}
				if (etagsOfChanged.containsKey(id)) {
					etagsOfChanged.put(id, invoice.etag().value());
				}
			}
			if (pages == 20) {
				// the access token expires mid-run: the client gets a new one and goes on
				admin("/_admin/tokens/expire", Map.of());
			}
			if (pages == 10) {
				// other IFS users change records already read and records still ahead
				for (long id : List.of(5L, 500L, 9_000L, 50_000L, 99_999L)) {
					etagsOfChanged.put(id, null);
					touch("ManSuppInvoiceSet", "Company='10',InvoiceId=" + id);
				}
			}
		}
		assertThat(seen).hasSize(INVOICES_TO_PAGE);
		assertThat(duplicates).isZero();
		assertThat(pages).isEqualTo(INVOICES_TO_PAGE / 1000);
		assertThat(mostPagesAhead).isLessThanOrEqualTo(2);
		assertThat(tokensIssued()).isEqualTo(tokensBefore + 1);
		// records changed ahead of the scan were read in their new version
		for (long id : List.of(50_000L, 99_999L)) {
			assertThat(etagsOfChanged.get(id))
				.isEqualTo(client().read(INVOICES, IfsKey.of("Company", "10", "InvoiceId", id)).block().etag().value());
		}
	}

	@Test
	void theClientWorksWithWhateverPageSizeTheServerChooses() {
		admin("/_admin/settings", Map.of("maxPageSize", 7));
		generateInvoices(50, 10);
		List<IfsPage> pages = client().pages(INVOICES, IfsQuery.all().withCount()).collectList().block();
		assertThat(pages).hasSize(8);
		assertThat(pages.get(0).entities()).hasSize(7);
		assertThat(pages.get(0).count()).isEqualTo(50);
		assertThat(pages.get(7).last()).isTrue();
		assertThat(pages.stream().mapToInt((page) -> page.entities().size()).sum()).isEqualTo(50);
	}

	@Test
	void topIsHonouredAcrossServerDrivenPages() {
		admin("/_admin/settings", Map.of("maxPageSize", 10));
		generateInvoices(40, 10);
		List<IfsEntity> invoices = client().readAll(INVOICES, IfsQuery.all().orderBy("InvoiceId desc").top(25))
			.collectList()
			.block();
		assertThat(invoices).hasSize(25);
		assertThat(invoices.get(0).longValue("InvoiceId")).isEqualTo(40);
		assertThat(invoices.get(24).longValue("InvoiceId")).isEqualTo(16);
	}

	@Test
	void theBatchReaderRestartsAfterItsSavedPositionAndReadsEveryRecordOnce() throws Exception {
		admin("/_admin/settings", Map.of("maxPageSize", 4));
		generateInvoices(25, 3);
		List<Long> read = new ArrayList<>();
		ExecutionContext context = new ExecutionContext();
		IfsItemReader first = reader();
		first.open(context);
		for (int i = 0; i < 10; i++) {
			read.add(first.read().longValue("InvoiceId"));
		}
		// a chunk commit saves the position, then the step fails
		first.update(context);
		first.read();
		first.close();
		// a record before the saved position changes meanwhile and moves behind it
		touch("ManSuppInvoiceSet", "Company='10',InvoiceId=2");
		long requests = sandboxRequests();
		IfsItemReader restarted = reader();
		restarted.open(context);
		for (IfsEntity invoice = restarted.read(); invoice != null; invoice = restarted.read()) {
			read.add(invoice.longValue("InvoiceId"));
		}
		restarted.close();
		assertThat(read.subList(0, 10)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		assertThat(read.subList(10, read.size())).containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L,
				22L, 23L, 24L, 25L, 2L);
		// only what follows the saved position is requested again: 16 records, 4 a page
		assertThat(sandboxRequests() - requests).isEqualTo(4);
	}

	private IfsItemReader reader() {
		return new IfsItemReader("invoices", client(), INVOICES, "ChangedDate", INVOICE_KEYS,
				IfsQuery.all().filter(ODataLiteral.compare("Company", "eq", "10")));
	}

	@Test
	void aVouchersRowsAreReadThroughTheNavigation() {
		IfsBatch.Created voucher = client()
			.createWithRows(VOUCHERS, IfsVoucherFixtures.header("PAGING-1"), "VoucherRowArray",
					IfsVoucherFixtures.balancedRows("PAGING-1"))
			.block();
		List<IfsEntity> rows = new ArrayList<>();
		client()
			.pages(VOUCHERS, voucher.header().key(IfsVoucherFixtures.VOUCHER_KEYS), "VoucherRowArray", IfsQuery.all())
			.toIterable()
			.forEach((page) -> rows.addAll(page.entities()));
		assertThat(rows).hasSize(3);
	}

}
