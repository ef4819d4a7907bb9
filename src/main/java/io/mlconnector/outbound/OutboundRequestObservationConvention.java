package io.mlconnector.outbound;

import java.net.URI;
import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Request metrics of the outbound clients ({@code http_client_requests_seconds}) with a
 * {@code uri} tag that names the endpoint, not the record: ids (uuids, numbers, OData key
 * predicates) become placeholders and the query is dropped, so a payroll of 10,000
 * employees does not make 10,000 time series.
 */
class OutboundRequestObservationConvention extends DefaultClientRequestObservationConvention {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern KEY_PREDICATE = Pattern.compile("\\([^/)]*\\)");

	private static final Pattern NUMBER_SEGMENT = Pattern.compile("/\\d+(?=/|$)");

	@Override
	protected KeyValue uri(ClientRequestObservationContext context) {
		if (context.getUriTemplate() != null) {
			return KeyValue.of("uri", endpoint(context.getUriTemplate()));
		}
		if (context.getRequest() != null) {
			return KeyValue.of("uri", endpoint(context.getRequest().url()));
		}
		return super.uri(context);
	}

	static String endpoint(URI uri) {
		return endpoint((uri.getRawPath() != null && !uri.getRawPath().isEmpty()) ? uri.getRawPath() : "/");
	}

	static String endpoint(String path) {
		int query = path.indexOf('?');
		String endpoint = (query >= 0) ? path.substring(0, query) : path;
		endpoint = UUID.matcher(endpoint).replaceAll("{id}");
		endpoint = KEY_PREDICATE.matcher(endpoint).replaceAll("({key})");
		return NUMBER_SEGMENT.matcher(endpoint).replaceAll("/{n}");
	}

}
