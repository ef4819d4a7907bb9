package io.mlconnector.ifs;

import java.util.ArrayDeque;
import java.util.Deque;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * At most {@code max} requests in flight at once in this instance, without blocking a
 * thread: a request over the cap waits in line for a permit. (The rate shared by all
 * instances is the {@code RequestBudget}'s job.)
 */
final class InFlightLimit {

	private static final Object PERMIT = new Object();

	private final int max;

	private final Deque<MonoSink<Object>> waiting = new ArrayDeque<>();

	private int inFlight;

	InFlightLimit(int max) {
		this.max = max;
	}

	<T> Mono<T> run(Mono<T> work) {
		return Mono.usingWhen(acquire(), (permit) -> work, (permit) -> release(), (permit, ex) -> release(),
				(permit) -> release());
	}

	synchronized int inFlight() {
		return this.inFlight;
	}

	private Mono<Object> acquire() {
		return Mono.create((MonoSink<Object> sink) -> {
			synchronized (this) {
				if (this.inFlight < this.max) {
					this.inFlight++;
					sink.success(PERMIT);
					return;
				}
				this.waiting.addLast(sink);
			}
			sink.onCancel(() -> {
				synchronized (this) {
					this.waiting.remove(sink);
				}
			});
		})
			// a permit handed to a waiter that cancelled in the same instant is given
			// back
			.doOnDiscard(Object.class, (permit) -> release());
	}

	private Mono<Void> release() {
		return Mono.fromRunnable(() -> {
			MonoSink<Object> next;
			synchronized (this) {
				next = this.waiting.pollFirst();
				if (next == null) {
					this.inFlight--;
					return;
				}
			}
			next.success(PERMIT);
		});
	}

}
