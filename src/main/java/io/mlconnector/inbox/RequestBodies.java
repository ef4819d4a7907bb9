package io.mlconnector.inbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads raw request bodies (signatures are computed over the exact bytes) with a size
 * limit and a cap on the bodies being read at once per instance, and checks content
 * types. With at most {@code maxConcurrentBodies} bodies of at most {@code maxBodySize}
 * in memory, slow or many senders cannot exhaust the heap: a request beyond the cap gets
 * 503 with {@code Retry-After} before its body is read.
 */
final class RequestBodies {

	private final DataSize limit;

	private final Semaphore inFlight;

	RequestBodies(DataSize limit, int maxConcurrentBodies) {
		this.limit = limit;
		this.inFlight = new Semaphore(maxConcurrentBodies);
	}

	Mono<byte[]> read(ServerRequest request) {
		long declared = request.headers().contentLength().orElse(-1);
		if (declared > this.limit.toBytes()) {
			return Mono.error(tooLarge(this.limit));
		}
		return Mono.defer(() -> {
			if (!this.inFlight.tryAcquire()) {
				return Mono.error(new InboxBusyException("too many request bodies are being read at once", null));
			}
			AtomicBoolean released = new AtomicBoolean();
			Runnable release = () -> {
				if (released.compareAndSet(false, true)) {
					this.inFlight.release();
				}
			};
			return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), (int) this.limit.toBytes())
				.map((buffer) -> {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					DataBufferUtils.release(buffer);
					return bytes;
				})
				.defaultIfEmpty(new byte[0])
				.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(this.limit))
				.doOnTerminate(release)
				.doOnCancel(release);
		});
	}

	static void requireContentType(ServerRequest request, MediaType expected) {
		MediaType actual;
		try {
			actual = request.headers().contentType().orElse(null);
		}
		catch (IllegalArgumentException ex) {
			// InvalidMediaTypeException, or an unknown charset parameter
			throw new InboxRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
					"expected " + expected + " but the Content-Type does not parse");
		}
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
