package io.mlconnector.ifs;

import java.util.List;

import io.mlconnector.tenant.IfsConnection;
import io.mlconnector.tenant.IfsEntitySet;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Starts change polls of IFS entity sets: records whose change timestamp (configured per
 * tenant, {@code entity-sets.change-timestamp-field}) is at or after the stored watermark
 * minus the overlap window, ordered by (timestamp, keys), de-duplicated on key + ETag.
 * IFS has no generic "modified since" attribute ([OBS]); this is the client strategy (a)
 * of the reference, section 5 ([ASSUMPTION]).
 */
public class IfsChangePoller {

	private final IfsClients clients;

	private final IfsSyncCursors cursors;

	IfsChangePoller(IfsClients clients, IfsSyncCursors cursors) {
		this.clients = clients;
		this.cursors = cursors;
	}

	/**
	 * Loads the cursor and prepares a poll. Nothing is read until
	 * {@link IfsChangePoll#changes()} is subscribed.
	 * @param tenant the tenant id
	 * @param set the entity set polled
	 * @param keyProperties the entity type's key properties, in key order
	 * @param select properties to read (timestamp and keys are added), empty for all
	 * @return the poll
	 */
	public Mono<IfsChangePoll> start(String tenant, IfsEntitySet set, List<String> keyProperties, List<String> select) {
		IfsClient client = this.clients.forTenant(tenant);
		IfsConnection connection = client.connection();
		String cursorName = "ifs:" + set.projection() + "/" + set.entitySet();
		return Mono.fromCallable(() -> this.cursors.load(tenant, cursorName))
			.subscribeOn(Schedulers.boundedElastic())
			.map((cursor) -> new IfsChangePoll(client, set, connection.entitySets().changeTimestampField(),
					keyProperties, select, connection.pollOverlap(), cursor,
					(previous, next) -> this.cursors.commit(tenant, cursorName, previous, next)));
	}

}
