package io.mlconnector.inbox;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Reads raw request bodies (signatures are computed over the exact bytes) with a size
 * limit, and checks content types.
 */
final class RequestBodies {

	private RequestBodies() {
	}

	static Mono<byte[]> read(ServerRequest request, DataSize limit) {
		long declared = request.headers().contentLength().orElse(-1);
		if (declared > limit.toBytes()) {
			return Mono.error(tooLarge(limit));
		}
		return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), (int) limit.toBytes()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]).onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(limit));
	}

	static void requireContentType(ServerRequest request, MediaType expected) {
		MediaType actual = request.headers().contentType().orElse(null);
		if (actual == null || !expected.isCompatibleWith(actual)) {
			throw new InboxRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
					"expected " + expected + " but got " + ((actual != null) ? actual : "no Content-Type"));
		}
	}

	private static InboxRequestException tooLarge(DataSize limit) {
		return new InboxRequestException(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
				"request bodies are limited to " + limit.toBytes() + " bytes");
	}

}
