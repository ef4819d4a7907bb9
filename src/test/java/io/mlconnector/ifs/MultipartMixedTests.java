package io.mlconnector.ifs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.mlconnector.ifs.MultipartMixed.HttpMessage;
import io.mlconnector.ifs.MultipartMixed.Part;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartMixedTests {

	/** IFS's documented $batch example (change set with a $1 reference), CRLF lines. */
	private static final String DOCUMENTED = String.join("\r\n", "--batch_abc",
			"Content-Type: multipart/mixed; boundary=changeset_1", "", "--changeset_1",
			"Content-Type: application/http", "Content-Transfer-Encoding: binary", "Content-ID: 1", "",
			"POST VoucherSet HTTP/1.1", "Content-Type: application/json", "Accept: application/json", "",
			"{\"Company\":\"1000\",\"VoucherType\":\"M\"}", "--changeset_1", "Content-Type: application/http",
			"Content-Transfer-Encoding: binary", "Content-ID: 2", "", "POST $1/VoucherRowArray HTTP/1.1",
			"Content-Type: application/json", "", "{\"Account\":\"7010\",\"CurrencyDebetAmount\":1500.00}",
			"--changeset_1--", "--batch_abc--", "");

	@Test
	void theDocumentedBatchRequestParsesIntoAChangeSetOfTwoRequests() {
		List<Part> parts = MultipartMixed.parse(DOCUMENTED.getBytes(StandardCharsets.UTF_8), "batch_abc");
		assertThat(parts).singleElement().satisfies((changeSet) -> assertThat(changeSet.isMultipart()).isTrue());
		List<Part> requests = MultipartMixed.parse(parts.get(0).content(),
				MultipartMixed.boundary(parts.get(0).header("content-type")));
		assertThat(requests).extracting((part) -> part.header("Content-ID")).containsExactly("1", "2");
		HttpMessage second = HttpMessage.parse(requests.get(1).content());
		assertThat(second.startLine()).isEqualTo("POST $1/VoucherRowArray HTTP/1.1");
		assertThat(new String(second.body(), StandardCharsets.UTF_8))
			.isEqualTo("{\"Account\":\"7010\",\"CurrencyDebetAmount\":1500.00}");
	}

	@Test
	void writtenPartsUseCrlfAndSurviveARoundTripWithNonAsciiBodies() {
		byte[] body = "{\"Text\":\"Löhne März €\"}".getBytes(StandardCharsets.UTF_8);
		byte[] written = MultipartMixed.write(List.of(new Part(Map.of("Content-ID", "7"), body)), "b1");
		String text = new String(written, StandardCharsets.ISO_8859_1);
		assertThat(text).startsWith("--b1\r\nContent-ID: 7\r\n\r\n").endsWith("\r\n--b1--\r\n");
		Part parsed = MultipartMixed.parse(written, "b1").get(0);
		assertThat(new String(parsed.content(), StandardCharsets.UTF_8)).isEqualTo("{\"Text\":\"Löhne März €\"}");
	}

	@Test
	void bareLineFeedsAreToleratedWhenParsing() {
		String lf = DOCUMENTED.replace("\r\n", "\n");
		List<Part> parts = MultipartMixed.parse(lf.getBytes(StandardCharsets.UTF_8), "batch_abc");
		assertThat(MultipartMixed.parse(parts.get(0).content(), "changeset_1")).hasSize(2);
	}

	@Test
	void aBodyWithoutItsCloseDelimiterOrBoundaryIsRefusedSayingWhatIsMissing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MultipartMixed.parse("--b\r\nX: y\r\n\r\nbody".getBytes(StandardCharsets.UTF_8), "b"))
			.withMessageContaining("close delimiter");
		assertThatIllegalArgumentException().isThrownBy(() -> MultipartMixed.boundary("application/json"))
			.withMessageContaining("boundary");
		assertThat(MultipartMixed.boundary("multipart/mixed; boundary=\"batch_1\"")).isEqualTo("batch_1");
	}

	@Test
	void aChangeSetIsEncodedWithContentIdsAndAFailedOneDecodesIntoTheTypedErrorOfItsPart() {
		JsonMapper json = JsonMapper.builder().build();
		IfsBatch.Encoded encoded = IfsBatch
			.encode(new IfsBatch.ChangeSet(List.of(IfsBatch.Request.post("1", "VoucherSet", Map.of("Company", "10")),
					IfsBatch.Request.patchCreated("2", "1", Map.of("VoucherText", "x")))), json);
		String text = new String(encoded.body(), StandardCharsets.UTF_8);
		assertThat(text).contains("Content-ID: 1\r\n").contains("PATCH $1 HTTP/1.1\r\n").contains("If-Match: $1\r\n");
		String failed = String.join("\r\n", "--r", "Content-Type: application/http", "Content-ID: 2", "",
				"HTTP/1.1 400 Bad Request", "Content-Type: application/json", "",
				"{\"error\":{\"code\":\"FND_VALIDATION_ERROR\",\"message\":\"Voucher row 2: no\"}}", "--r--", "");
		assertThatThrownBy(() -> IfsBatch.decode("multipart/mixed; boundary=r", failed.getBytes(StandardCharsets.UTF_8),
				json, (status, headers, body) -> new IfsException(new String(body, StandardCharsets.UTF_8), status,
						null, null, null)))
			.isInstanceOfSatisfying(IfsException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("Voucher row 2: no");
			});
	}

}
