package io.mlconnector.ifs;

import java.net.URI;
import java.util.List;

/**
 * One page of a collection read, as the server chose to size it.
 *
 * @param number page number, from 1
 * @param entities the records of this page
 * @param count {@code @odata.count} if asked for with {@code $count=true} and sent
 * @param nextLink the server's {@code @odata.nextLink}, null on the last page; never
 * parsed, only followed
 */
public record IfsPage(int number, List<IfsEntity> entities, Long count, URI nextLink) {

	public IfsPage {
		entities = List.copyOf(entities);
	}

	public boolean last() {
		return this.nextLink == null;
	}

}
