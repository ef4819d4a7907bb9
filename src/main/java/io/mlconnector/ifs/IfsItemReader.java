package io.mlconnector.ifs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import io.mlconnector.tenant.IfsEntitySet;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A Spring Batch reader of an IFS collection that pages as the server chooses and is
 * restartable from its saved position: records are read in (order property, keys) order,
 * and the position saved at each chunk commit is the last record's order value and keys,
 * so a restart asks IFS only for what comes after it (keyset paging with a standard
 * {@code $filter}; nextLinks are never stored, they may expire). Not thread-safe, like
 * every stateful reader.
 */
public class IfsItemReader implements ItemStreamReader<IfsEntity> {

	private final String name;

	private final IfsClient client;

	private final IfsEntitySet set;

	private final String orderProperty;

	private final List<String> keyProperties;

	private final IfsQuery query;

	private List<Object> last;

	private Stream<IfsEntity> stream;

	private Iterator<IfsEntity> records;

	private long read;

	/**
	 * A reader.
	 * @param name the reader's name, the prefix of its keys in the execution context
	 * @param client the tenant's client
	 * @param set the entity set
	 * @param orderProperty an {@code Edm.DateTimeOffset} property to read in order of (a
	 * change timestamp), or null to read in key order
	 * @param keyProperties the entity type's keys, in key order
	 * @param query filter and select ({@code $orderby} and {@code $top} are the reader's)
	 */
	public IfsItemReader(String name, IfsClient client, IfsEntitySet set, String orderProperty,
			List<String> keyProperties, IfsQuery query) {
		this.name = name;
		this.client = client;
		this.set = set;
		this.orderProperty = orderProperty;
		this.keyProperties = List.copyOf(keyProperties);
		this.query = query;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void open(ExecutionContext context) {
		Object saved = context.get(key("last"));
		this.last = (saved instanceof List<?> values) ? new ArrayList<>((List<Object>) values) : null;
		this.read = context.getLong(key("read"), 0);
	}

	@Override
	public IfsEntity read() {
		if (this.records == null) {
			this.stream = this.client.readAll(this.set, effectiveQuery()).toStream(1);
			this.records = this.stream.iterator();
		}
		if (!this.records.hasNext()) {
			return null;
		}
		IfsEntity record = this.records.next();
		this.last = position(record);
		this.read++;
		return record;
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.last != null) {
			context.put(key("last"), new ArrayList<>(this.last));
		}
		context.putLong(key("read"), this.read);
	}

	@Override
	public void close() {
		if (this.stream != null) {
			this.stream.close();
		}
		this.stream = null;
		this.records = null;
	}

	/**
	 * The query sent: the caller's filter, and after a restart only what comes after the
	 * saved position.
	 * @return the query
	 */
	IfsQuery effectiveQuery() {
		List<String> columns = columns();
		IfsQuery ordered = this.query.orderBy(columns.toArray(String[]::new));
		if (this.last == null) {
			return ordered;
		}
		String after = after(columns, this.last, 0);
		String filter = (this.query.filter() != null) ? "(" + this.query.filter() + ") and (" + after + ")" : after;
		return new IfsQuery(filter, ordered.select(), ordered.orderBy(), null, false);
	}

	private List<String> columns() {
		List<String> columns = new ArrayList<>();
		if (this.orderProperty != null) {
			columns.add(this.orderProperty);
		}
		columns.addAll(this.keyProperties);
		return columns;
	}

	/** {@code c1 gt v1 or (c1 eq v1 and (c2 gt v2 or ...))}. */
	private static String after(List<String> columns, List<Object> values, int from) {
		String greater = ODataLiteral.compare(columns.get(from), "gt", values.get(from));
		if (from == columns.size() - 1) {
			return greater;
		}
		return greater + " or (" + ODataLiteral.compare(columns.get(from), "eq", values.get(from)) + " and ("
				+ after(columns, values, from + 1) + "))";
	}

	private List<Object> position(IfsEntity record) {
		List<Object> position = new ArrayList<>();
		if (this.orderProperty != null) {
			Instant at = record.instant(this.orderProperty);
			if (at == null) {
				throw new ItemStreamException(this.orderProperty + " of " + this.set.entitySet()
						+ " is empty or was not selected; it orders the reader and must be read");
			}
			position.add(at);
		}
		position.addAll(record.key(this.keyProperties).values().values());
		return position;
	}

	private String key(String suffix) {
		return this.name + "." + suffix;
	}

}
