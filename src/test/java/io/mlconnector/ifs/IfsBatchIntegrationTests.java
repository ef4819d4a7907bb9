package io.mlconnector.ifs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfsBatchIntegrationTests extends IfsSandboxTestSupport {

	@Test
	void aVoucherHeaderAndAllItsRowsAreCreatedInOneAtomicChangeSet() {
		long requests = sandboxRequests();
		IfsBatch.Created created = client()
			.createWithRows(VOUCHERS, IfsVoucherFixtures.header("PR-2025-01"), "VoucherRowArray",
					IfsVoucherFixtures.balancedRows("PR-2025-01"))
			.block();
		assertThat(sandboxRequests() - requests).isEqualTo(1);
		assertThat(created.header().longValue("VoucherNo")).isPositive();
		assertThat(created.header().string("Objstate")).isEqualTo("Preliminary");
		assertThat(created.header().etag()).isNotNull();
		assertThat(created.rows()).hasSize(3).extracting((row) -> row.longValue("RowNo")).containsExactly(1L, 2L, 3L);
		Map<String, Object> vouchers = adminGet("/_admin/vouchers?reference=PR-2025-01");
		assertThat(vouchers.get("count")).isEqualTo(1);
		Map<?, ?> voucher = (Map<?, ?>) ((List<?>) vouchers.get("vouchers")).get(0);
		assertThat(new BigDecimal(voucher.get("DebitTotal").toString())).isEqualByComparingTo("1614.75");
		assertThat(new BigDecimal(voucher.get("CreditTotal").toString())).isEqualByComparingTo("1614.75");
		assertThat(voucher.get("Balanced")).isEqualTo(true);
		assertThat((List<?>) voucher.get("VoucherRowArray")).hasSize(3);
	}

	@Test
	void createOnceCreatesAHeaderWithItsRowsOnceAndFindsItOnARepeat() {
		String reference = "PR-ONCE-" + System.nanoTime();
		Map<String, Object> unique = Map.of("Company", "10", "ReferenceNumber", reference);
		IfsBatch.CreatedOnce first = client()
			.createOnce(VOUCHERS, unique, IfsVoucherFixtures.header(reference), "VoucherRowArray",
					IfsVoucherFixtures.balancedRows(reference))
			.block();
		long requests = sandboxRequests();
		IfsBatch.CreatedOnce repeat = client()
			.createOnce(VOUCHERS, unique, IfsVoucherFixtures.header(reference), "VoucherRowArray",
					IfsVoucherFixtures.balancedRows(reference))
			.block();

		assertThat(first.created()).isTrue();
		assertThat(repeat.created()).isFalse();
		assertThat(repeat.header().longValue("VoucherNo")).isEqualTo(first.header().longValue("VoucherNo"));
		// the repeat only looked the voucher up
		assertThat(sandboxRequests() - requests).isEqualTo(1);
		assertThat(adminGet("/_admin/vouchers?reference=" + reference).get("count")).isEqualTo(1);
		assertThat(client().findUnique(VOUCHERS, unique).block().longValue("VoucherNo"))
			.isEqualTo(first.header().longValue("VoucherNo"));
	}

	@Test
	void findUniqueFindsNothingForAnUnknownReferenceAndRefusesADuplicatedOne() {
		String reference = "PR-TWICE-" + System.nanoTime();
		Map<String, Object> unique = Map.of("Company", "10", "ReferenceNumber", reference);
		assertThat(client().findUnique(VOUCHERS, unique).blockOptional()).isEmpty();
		for (int i = 0; i < 2; i++) {
			client()
				.createWithRows(VOUCHERS, IfsVoucherFixtures.header(reference), "VoucherRowArray",
						IfsVoucherFixtures.balancedRows(reference))
				.block();
		}

		assertThatThrownBy(() -> client().findUnique(VOUCHERS, unique).block())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("holds 2 records of")
			.hasMessageContaining(reference)
			.hasMessageContaining("remove the duplicate in IFS");
	}

	@Test
	void aRowWithAnUnknownAccountCreatesNothingAndTheErrorNamesTheRow() {
		List<Map<String, Object>> rows = List.of(IfsVoucherFixtures.row("7010", "CC-100", "100.00", null, "PR-BAD"),
				IfsVoucherFixtures.row("9999", null, null, "100.00", "PR-BAD"));
		assertThatThrownBy(
				() -> client().createWithRows(VOUCHERS, IfsVoucherFixtures.header("PR-BAD"), "VoucherRowArray", rows)
					.block())
			.isInstanceOfSatisfying(IfsException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("Voucher row 2")
					.contains("account 9999 does not exist in company 10")
					.contains("rolled back");
			});
		assertThat(adminGet("/_admin/vouchers?reference=PR-BAD").get("count")).isEqualTo(0);
	}

	@Test
	void anUnbalancedVoucherCreatesNothing() {
		List<Map<String, Object>> rows = List.of(IfsVoucherFixtures.row("7010", "CC-100", "100.00", null, "PR-UNB"),
				IfsVoucherFixtures.row("2910", null, null, "99.99", "PR-UNB"));
		assertThatThrownBy(
				() -> client().createWithRows(VOUCHERS, IfsVoucherFixtures.header("PR-UNB"), "VoucherRowArray", rows)
					.block())
			.isInstanceOfSatisfying(IfsException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("GL_VOUCHER_NOT_BALANCED");
				assertThat(ex.getMessage()).contains("debit 100.00, credit 99.99");
			});
		assertThat(adminGet("/_admin/vouchers?reference=PR-UNB").get("count")).isEqualTo(0);
	}

	@Test
	void anUnknownCostCenterCreatesNothing() {
		List<Map<String, Object>> rows = List.of(IfsVoucherFixtures.row("7010", "CC-404", "10.00", null, "PR-CC"),
				IfsVoucherFixtures.row("2910", null, null, "10.00", "PR-CC"));
		assertThatThrownBy(
				() -> client().createWithRows(VOUCHERS, IfsVoucherFixtures.header("PR-CC"), "VoucherRowArray", rows)
					.block())
			.isInstanceOf(IfsException.class)
			.hasMessageContaining("Voucher row 1")
			.hasMessageContaining("cost center (code B) CC-404 does not exist in company 10");
		assertThat(adminGet("/_admin/vouchers?reference=PR-CC").get("count")).isEqualTo(0);
	}

	@Test
	void aRecordCreatedInAChangeSetCanBeChangedLaterInItWithIfMatchReferences() {
		List<IfsBatch.Response> responses = client()
			.changeSet("VoucherHandling", new IfsBatch.ChangeSet(List.of(
					IfsBatch.Request.post("1", "VoucherSet", IfsVoucherFixtures.header("PR-REF")),
					IfsBatch.Request.post("2", "$1/VoucherRowArray",
							IfsVoucherFixtures.row("7010", null, "5.00", null, "PR-REF")),
					IfsBatch.Request.post("3", "$1/VoucherRowArray",
							IfsVoucherFixtures.row("2910", null, null, "5.00", "PR-REF")),
					IfsBatch.Request.patchCreated("4", "1", Map.of("VoucherText", "renamed in the same change set")))))
			.block();
		assertThat(responses).extracting(IfsBatch.Response::contentId).containsExactly("1", "2", "3", "4");
		assertThat(responses).extracting(IfsBatch.Response::status).containsExactly(201, 201, 201, 200);
		assertThat(responses.get(3).entity().string("VoucherText")).isEqualTo("renamed in the same change set");
	}

}
