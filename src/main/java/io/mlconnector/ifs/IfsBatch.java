package io.mlconnector.ifs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.mlconnector.ifs.MultipartMixed.HttpMessage;
import io.mlconnector.ifs.MultipartMixed.Part;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * OData v4 {@code $batch} change sets as IFS documents them [DOC]: one change set per
 * {@code $batch} here, its requests relative to the projection's service root,
 * {@code Content-ID} on every request so later ones can address {@code $<id>} and send
 * {@code If-Match: $<id>}.
 */
public final class IfsBatch {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private IfsBatch() {
	}

	/**
	 * One request of a change set. PATCH always has an If-Match: an {@link IfsEtag} read
	 * earlier or a reference to an earlier request of the same change set.
	 *
	 * @param method POST or PATCH
	 * @param url relative to the service root, e.g. {@code VoucherSet} or
	 * {@code $1/VoucherRowArray}
	 * @param contentId the request's Content-ID
	 * @param ifMatch the If-Match value, or null for a POST
	 * @param body the JSON body
	 */
	public record Request(String method, String url, String contentId, String ifMatch, Map<String, Object> body) {

		public Request {
			if (contentId == null || !contentId.matches("[A-Za-z0-9_.-]+")) {
				throw new IllegalArgumentException("every request of a change set needs a Content-ID");
			}
			if (!method.equals("POST") && ifMatch == null) {
				throw new IllegalArgumentException(method + " " + url + " needs If-Match (IFS upserts without it)");
			}
		}

		public static Request post(String contentId, String url, Map<String, Object> body) {
			return new Request("POST", url, contentId, null, body);
		}

		public static Request patch(String contentId, String url, IfsEtag etag, Map<String, Object> body) {
			return new Request("PATCH", url, contentId, etag.value(), body);
		}

		/**
		 * A PATCH of a record created earlier in the same change set.
		 * @param contentId this request's Content-ID
		 * @param createdBy the Content-ID of the request that created the record
		 * @param body the changes
		 * @return the request, addressed as {@code $<createdBy>} with
		 * {@code If-Match: $<createdBy>}
		 */
		public static Request patchCreated(String contentId, String createdBy, Map<String, Object> body) {
			return new Request("PATCH", "$" + createdBy, contentId, "$" + createdBy, body);
		}

	}

	/**
	 * Requests that commit all or nothing.
	 *
	 * @param requests the requests, processed in order
	 */
	public record ChangeSet(List<Request> requests) {

		public ChangeSet {
			if (requests == null || requests.isEmpty()) {
				throw new IllegalArgumentException("a change set needs at least one request");
			}
			requests = List.copyOf(requests);
		}

	}

	/**
	 * The response to one request of a successful change set.
	 *
	 * @param contentId the Content-ID echoed by the server, or null
	 * @param status the HTTP status
	 * @param entity the returned record, or null for 204
	 */
	public record Response(String contentId, int status, IfsEntity entity) {

	}

	/**
	 * What {@link IfsClient#createWithRows} created.
	 *
	 * @param header the header record
	 * @param rows the row records, in order
	 */
	public record Created(IfsEntity header, List<IfsEntity> rows) {

	}

	record Encoded(String contentType, byte[] body) {

	}

	/** Maps an error part to the client's typed exception. */
	@FunctionalInterface
	interface Errors {

		RuntimeException of(int status, HttpHeaders headers, byte[] body);

	}

	static Encoded encode(ChangeSet changeSet, JsonMapper json) {
		String batchBoundary = "batch_" + UUID.randomUUID();
		String changeSetBoundary = "changeset_" + UUID.randomUUID();
		List<Part> requests = new ArrayList<>();
		for (Request request : changeSet.requests()) {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			headers.put("Accept", "application/json");
			if (request.ifMatch() != null) {
				headers.put("If-Match", request.ifMatch());
			}
			byte[] body = (request.body() != null) ? json.writeValueAsBytes(request.body()) : new byte[0];
			// the part body is carried byte for byte; JSON is UTF-8
			HttpMessage message = new HttpMessage(request.method() + " " + request.url() + " HTTP/1.1", headers,
					new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
			Map<String, String> partHeaders = new LinkedHashMap<>();
			partHeaders.put("Content-Type", "application/http");
			partHeaders.put("Content-Transfer-Encoding", "binary");
			partHeaders.put("Content-ID", request.contentId());
			requests.add(new Part(partHeaders, message.toBytes()));
		}
		Part changeSetPart = new Part(Map.of("Content-Type", "multipart/mixed; boundary=" + changeSetBoundary),
				MultipartMixed.write(requests, changeSetBoundary));
		return new Encoded("multipart/mixed; boundary=" + batchBoundary,
				MultipartMixed.write(List.of(changeSetPart), batchBoundary));
	}

	static List<Response> decode(String contentType, byte[] body, JsonMapper json, Errors errors) {
		List<Part> parts = MultipartMixed.parse(body, MultipartMixed.boundary(contentType));
		if (parts.isEmpty()) {
			throw new IllegalStateException("the $batch response has no parts");
		}
		Part first = parts.get(0);
		if (!first.isMultipart()) {
			// a failed change set answers with a single response (OData 4.0)
			HttpMessage message = HttpMessage.parse(first.content());
			throw errors.of(message.status(), headers(message), message.body());
		}
		List<Response> responses = new ArrayList<>();
		for (Part part : MultipartMixed.parse(first.content(), MultipartMixed.boundary(first.header("Content-Type")))) {
			HttpMessage message = HttpMessage.parse(part.content());
			if (message.status() >= 400) {
				throw errors.of(message.status(), headers(message), message.body());
			}
			IfsEntity entity = null;
			if (message.body().length > 0) {
				entity = IfsEntity.of(json.readValue(message.body(), OBJECT));
				if (entity.etag() == null && message.header("ETag") != null) {
					entity = new IfsEntity(new IfsEtag(message.header("ETag")), entity.values());
				}
			}
			String contentId = (part.header("Content-ID") != null) ? part.header("Content-ID")
					: message.header("Content-ID");
			responses.add(new Response(contentId, message.status(), entity));
		}
		return responses;
	}

	private static HttpHeaders headers(HttpMessage message) {
		HttpHeaders headers = new HttpHeaders();
		message.headers().forEach(headers::add);
		return headers;
	}

	/**
	 * The outcome of {@link IfsClient#createOnce}.
	 *
	 * @param header the header record, found or created
	 * @param created whether this call created it (false: IFS had it already)
	 */
	public record CreatedOnce(IfsEntity header, boolean created) {

	}

}
