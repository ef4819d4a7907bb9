package io.mlconnector.ifs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import io.mlconnector.tenant.IfsEntitySet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One change poll: {@link #changes()} streams the changed records once, and
 * {@link #commit()} stores the new watermark; call it only after the caller has handled
 * every record, so a failure anywhere means the next poll sees the same records again.
 * Memory stays bounded: only the digests of records inside the overlap window are kept.
 */
public final class IfsChangePoll {

	private final IfsClient client;

	private final IfsEntitySet set;

	private final String timestampField;

	private final List<String> keyProperties;

	private final List<String> select;

	private final Duration overlap;

	private final IfsSyncCursors.Cursor previous;

	private final BiConsumer<IfsSyncCursors.Cursor, IfsSyncCursors.Cursor> committer;

	private final Deque<Seen> window = new ArrayDeque<>();

	private final Set<String> windowDigests = new HashSet<>();

	private final AtomicBoolean started = new AtomicBoolean();

	private volatile boolean completed;

	private volatile Instant watermark;

	private volatile IfsKey lastKey;

	private long emitted;

	private long duplicates;

	private record Seen(String digest, Instant at) {

	}

	IfsChangePoll(IfsClient client, IfsEntitySet set, String timestampField, List<String> keyProperties,
			List<String> select, Duration overlap, IfsSyncCursors.Cursor previous,
			BiConsumer<IfsSyncCursors.Cursor, IfsSyncCursors.Cursor> committer) {
		this.client = client;
		this.set = set;
		this.timestampField = timestampField;
		this.keyProperties = List.copyOf(keyProperties);
		this.select = List.copyOf(select);
		this.overlap = overlap;
		this.previous = previous;
		this.committer = committer;
		this.watermark = previous.watermark();
	}

	/**
	 * The query this poll sends.
	 * @return filter on the timestamp, order by timestamp then keys
	 */
	IfsQuery query() {
		List<String> orderBy = new ArrayList<>();
		orderBy.add(this.timestampField);
		orderBy.addAll(this.keyProperties);
		IfsQuery query = IfsQuery.all().orderBy(orderBy.toArray(String[]::new));
		if (!this.select.isEmpty()) {
			Set<String> properties = new LinkedHashSet<>(this.keyProperties);
			properties.add(this.timestampField);
			properties.addAll(this.select);
			query = query.select(properties.toArray(String[]::new));
		}
		if (this.previous.watermark() != null) {
			query = query
				.filter(ODataLiteral.compare(this.timestampField, "ge", this.previous.watermark().minus(this.overlap)));
		}
		return query;
	}

	/**
	 * The changed records since the watermark, each version once. Can be subscribed once.
	 * @return the records, in (timestamp, keys) order as the server sent them
	 */
	public Flux<IfsEntity> changes() {
		return Flux.defer(() -> {
			if (!this.started.compareAndSet(false, true)) {
				return Flux.error(new IllegalStateException("a change poll can be read once; start a new one"));
			}
			return this.client.pages(this.set, query())
				.concatMapIterable((page) -> fresh(page.entities()), 1)
				.doOnComplete(() -> this.completed = true);
		});
	}

	private List<IfsEntity> fresh(List<IfsEntity> entities) {
		List<IfsEntity> fresh = new ArrayList<>(entities.size());
		for (IfsEntity entity : entities) {
			IfsKey key = entity.key(this.keyProperties);
			String digest = digest(key.predicate() + "|" + ((entity.etag() != null) ? entity.etag().value() : ""));
			if (this.previous.seen().contains(digest) || this.windowDigests.contains(digest)) {
				this.duplicates++;
				continue;
			}
			Instant at = entity.instant(this.timestampField);
			if (at != null) {
				if (this.watermark == null || !at.isBefore(this.watermark)) {
					this.watermark = at;
					this.lastKey = key;
				}
				this.window.addLast(new Seen(digest, at));
				this.windowDigests.add(digest);
				Instant horizon = this.watermark.minus(this.overlap);
				while (!this.window.isEmpty() && this.window.peekFirst().at().isBefore(horizon)) {
					this.windowDigests.remove(this.window.removeFirst().digest());
				}
			}
			this.emitted++;
			fresh.add(entity);
		}
		return fresh;
	}

	/**
	 * The watermark {@link #commit()} would store.
	 * @return the latest change timestamp seen, or the previous watermark
	 */
	public Instant watermark() {
		return this.watermark;
	}

	public long emitted() {
		return this.emitted;
	}

	/**
	 * Records skipped because this version was already seen (in the overlap window of the
	 * previous poll, or twice in this one).
	 * @return the count
	 */
	public long duplicatesSkipped() {
		return this.duplicates;
	}

	/**
	 * Stores the new watermark and the versions inside its overlap window.
	 * @return completes when stored; {@link IllegalStateException} if the records were
	 * not all read, {@link IfsCursorConflictException} if another poller committed first
	 */
	public Mono<Void> commit() {
		return Mono.fromRunnable(() -> {
			if (!this.completed) {
				throw new IllegalStateException("commit the watermark only after every changed record was read");
			}
			Set<String> seen = new LinkedHashSet<>();
			Instant horizon = (this.watermark != null) ? this.watermark.minus(this.overlap) : null;
			if (this.watermark != null && this.watermark.equals(this.previous.watermark())) {
				seen.addAll(this.previous.seen());
			}
			for (Seen version : this.window) {
				if (horizon == null || !version.at().isBefore(horizon)) {
					seen.add(version.digest());
				}
			}
			this.committer.accept(this.previous, new IfsSyncCursors.Cursor(this.watermark,
					(this.lastKey != null) ? this.lastKey.values() : null, seen, this.previous.version()));
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
