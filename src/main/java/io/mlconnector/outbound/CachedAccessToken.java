package io.mlconnector.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * One client-credentials access token, shared by all concurrent callers: requested once
 * when none is cached or the cached one is due for renewal, and forgotten when the API
 * refuses it or the request failed. Every connector with a token endpoint uses one per
 * grant instead of its own cache.
 */
public final class CachedAccessToken {

	private final Supplier<Mono<Token>> request;

	private final Clock clock;

	private final AtomicReference<Mono<Token>> current = new AtomicReference<>();

	/**
	 * A cache.
	 * @param request requests a new token from the token endpoint
	 * @param clock the clock that judges renewal
	 */
	public CachedAccessToken(Supplier<Mono<Token>> request, Clock clock) {
		this.request = request;
		this.clock = clock;
	}

	/**
	 * A valid access token, from the cache or freshly requested.
	 * @return the token
	 */
	public Mono<String> token() {
		return Mono.defer(() -> {
			Mono<Token> cached = this.current.get();
			if (cached == null) {
				Mono<Token> fresh = this.request.get()
					.cache((token) -> Duration.ofDays(1), (error) -> Duration.ZERO, () -> Duration.ZERO);
				cached = this.current.compareAndSet(null, fresh) ? fresh : this.current.get();
				if (cached == null) {
					return token();
				}
			}
			Mono<Token> used = cached;
			return used.flatMap((token) -> {
				if (this.clock.instant().isBefore(token.renewAt())) {
					return Mono.just(token.value());
				}
				this.current.compareAndSet(used, null);
				return token();
			}).doOnError((ex) -> this.current.compareAndSet(used, null));
		});
	}

	/**
	 * Forgets the cached token if it is the one the API refused, so the next call gets a
	 * new one.
	 * @param refused the token the API answered 401 to
	 */
	public void invalidate(String refused) {
		Mono<Token> cached = this.current.get();
		if (cached == null) {
			return;
		}
		Token token = cached.toFuture().getNow(null);
		if (token == null || token.value().equals(refused)) {
			this.current.compareAndSet(cached, null);
		}
	}

	/**
	 * An access token and when to renew it.
	 *
	 * @param value the token
	 * @param renewAt when it is renewed (before it expires)
	 */
	public record Token(String value, Instant renewAt) {

	}

}
