package io.mlconnector.sandbox.ifs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.mlconnector.ifs.MultipartMixed;
import io.mlconnector.ifs.MultipartMixed.HttpMessage;
import io.mlconnector.ifs.MultipartMixed.Part;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class BatchProcessorTests {

	private static final String ROOT = "http://sandbox/main/ifsapplications/projection/v1/VoucherHandling.svc/";

	private final SandboxStore store = new SandboxStore(new SandboxModel(), Clock.systemUTC());

	private final BatchProcessor batch = new BatchProcessor(new ODataService(this.store, JsonMapper.builder().build(),
			() -> new ODataService.PagingSettings(100, 5000)));

	private static Part request(String id, String requestLine, String body) {
		byte[] message = new HttpMessage(requestLine + " HTTP/1.1", Map.of("Content-Type", "application/json"),
				body.getBytes(StandardCharsets.UTF_8))
			.toBytes();
		return new Part(Map.of("Content-Type", "application/http", "Content-ID", id), message);
	}

	private static Part changeSet(String boundary, Part... requests) {
		return new Part(Map.of("Content-Type", "multipart/mixed; boundary=" + boundary),
				MultipartMixed.write(List.of(requests), boundary));
	}

	private List<Part> send(Map<String, String> headers, Part... parts) {
		Map<String, String> all = new java.util.HashMap<>(headers);
		all.put("Content-Type", "multipart/mixed; boundary=batch");
		ODataResponse response = this.batch.process(new ODataRequest("POST", ROOT, "VoucherHandling", "$batch",
				Map.of(), all, MultipartMixed.write(List.of(parts), "batch")));
		assertThat(response.status()).isEqualTo(200);
		return MultipartMixed.parse(response.body(), MultipartMixed.boundary(response.headers().get("Content-Type")));
	}

	private static final String HEADER = "{\"Company\":\"10\",\"VoucherType\":\"M\",\"AccountingYear\":2025,"
			+ "\"VoucherDate\":\"2025-01-31\"}";

	@Test
	void aGetInsideAChangeSetFailsTheChangeSetAndNothingIsCreated() {
		List<Part> responses = send(Map.of(),
				changeSet("cs1", request("1", "POST VoucherSet", HEADER), request("2", "GET VoucherSet", "")));
		assertThat(responses).singleElement().satisfies((part) -> {
			assertThat(part.isMultipart()).isFalse();
			assertThat(HttpMessage.parse(part.content()).status()).isEqualTo(400);
			assertThat(part.header("Content-ID")).isEqualTo("2");
		});
		assertThat(this.store.all(this.store.model().vouchers)).isEmpty();
	}

	@Test
	void processingStopsAfterAFailedChangeSetUnlessContinueOnErrorIsPreferred() {
		Part failing = changeSet("cs1", request("1", "POST VoucherSet", "{\"Company\":\"99\"}"));
		Part good = changeSet("cs2", request("2", "POST VoucherSet", HEADER),
				request("3", "POST $2/VoucherRowArray", "{\"Account\":\"7010\",\"CurrencyDebetAmount\":5.00}"),
				request("4", "POST $2/VoucherRowArray", "{\"Account\":\"2910\",\"CurrencyCreditAmount\":5}"));
		assertThat(send(Map.of(), failing, good)).hasSize(1);
		assertThat(this.store.all(this.store.model().vouchers)).isEmpty();
		List<Part> both = send(Map.of("Prefer", "odata.continue-on-error"), failing, good);
		assertThat(both).hasSize(2);
		assertThat(both.get(1).isMultipart()).isTrue();
		assertThat(this.store.all(this.store.model().vouchers)).hasSize(1);
	}

	@Test
	void aReferenceToAnUnknownContentIdIsA400() {
		List<Part> responses = send(Map.of(), changeSet("cs1", request("1", "POST $7/VoucherRowArray", "{}")));
		HttpMessage message = HttpMessage.parse(responses.get(0).content());
		assertThat(message.status()).isEqualTo(400);
		assertThat(new String(message.body(), StandardCharsets.UTF_8)).contains("refers to no earlier request");
	}

}
