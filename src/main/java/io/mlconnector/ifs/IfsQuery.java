package io.mlconnector.ifs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * System query options of a collection read. Build filters with
 * {@link ODataLiteral#compare(String, String, Object)} so every literal is escaped.
 *
 * @param filter {@code $filter}, or null
 * @param select {@code $select} properties, empty for all
 * @param orderBy {@code $orderby} items such as {@code ChangedDate} or
 * {@code InvoiceId desc}
 * @param top {@code $top}, or null
 * @param count whether to ask for {@code $count=true}
 */
public record IfsQuery(String filter, List<String> select, List<String> orderBy, Integer top, boolean count) {

	public IfsQuery {
		select = (select != null) ? List.copyOf(select) : List.of();
		orderBy = (orderBy != null) ? List.copyOf(orderBy) : List.of();
		if (top != null && top < 0) {
			throw new IllegalArgumentException("$top must not be negative");
		}
	}

	public static IfsQuery all() {
		return new IfsQuery(null, List.of(), List.of(), null, false);
	}

	public IfsQuery filter(String filter) {
		return new IfsQuery(filter, this.select, this.orderBy, this.top, this.count);
	}

	public IfsQuery select(String... properties) {
		return new IfsQuery(this.filter, List.of(properties), this.orderBy, this.top, this.count);
	}

	public IfsQuery orderBy(String... items) {
		return new IfsQuery(this.filter, this.select, List.of(items), this.top, this.count);
	}

	public IfsQuery top(int top) {
		return new IfsQuery(this.filter, this.select, this.orderBy, top, this.count);
	}

	public IfsQuery withCount() {
		return new IfsQuery(this.filter, this.select, this.orderBy, this.top, true);
	}

	/**
	 * The options, ready to encode.
	 * @return option name to value, in a stable order
	 */
	Map<String, String> options() {
		Map<String, String> options = new LinkedHashMap<>();
		if (this.filter != null && !this.filter.isBlank()) {
			options.put("$filter", this.filter);
		}
		if (!this.select.isEmpty()) {
			options.put("$select", String.join(",", this.select));
		}
		if (!this.orderBy.isEmpty()) {
			options.put("$orderby", String.join(",", new ArrayList<>(this.orderBy)));
		}
		if (this.top != null) {
			options.put("$top", this.top.toString());
		}
		if (this.count) {
			options.put("$count", "true");
		}
		return options;
	}

}
