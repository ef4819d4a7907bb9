package io.mlconnector.ifs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.mlconnector.tenant.IfsEntitySet;

/**
 * The change watermark of a polled entity set in {@code sync_cursor}, for jobs that read
 * the changes with an {@link IfsItemReader} (restartable mid-page) and move the watermark
 * once the whole window is handled. Moves are optimistic: a watermark another poller
 * moved first is not overwritten.
 */
public final class IfsWatermarks {

	private final IfsSyncCursors cursors;

	IfsWatermarks(IfsSyncCursors cursors) {
		this.cursors = cursors;
	}

	/**
	 * The cursor name of an entity set, the one {@link IfsChangePoller} uses too.
	 * @param set the entity set
	 * @return the name
	 */
	public static String name(IfsEntitySet set) {
		return "ifs:" + set.projection() + "/" + set.entitySet();
	}

	/**
	 * The watermark.
	 * @param tenant the tenant
	 * @param set the entity set
	 * @return the last change timestamp handled, empty before the first
	 */
	public Optional<Instant> find(String tenant, IfsEntitySet set) {
		return Optional.ofNullable(this.cursors.load(tenant, name(set)).watermark());
	}

	/**
	 * Moves the watermark forward from where it was.
	 * @param tenant the tenant
	 * @param set the entity set
	 * @param from the watermark the window started at, {@code null} for none
	 * @param to the new watermark
	 * @return whether it moved; {@code false} when it is no longer at {@code from}
	 * (another poll moved it) or {@code to} is not after it
	 */
	public boolean advance(String tenant, IfsEntitySet set, Instant from, Instant to) {
		IfsSyncCursors.Cursor current = this.cursors.load(tenant, name(set));
		if (!Objects.equals(current.watermark(), from) || (from != null && !to.isAfter(from))) {
			return false;
		}
		try {
			this.cursors.commit(tenant, name(set), current,
					new IfsSyncCursors.Cursor(to, null, Set.of(), current.version()));
			return true;
		}
		catch (IfsCursorConflictException ex) {
			return false;
		}
	}

}
