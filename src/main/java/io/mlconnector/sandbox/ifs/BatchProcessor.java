package io.mlconnector.sandbox.ifs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.mlconnector.ifs.MultipartMixed;
import io.mlconnector.ifs.MultipartMixed.HttpMessage;
import io.mlconnector.ifs.MultipartMixed.Part;

/**
 * {@code $batch} as IFS documents it ([DOC]): {@code multipart/mixed} with change sets
 * processed sequentially and committed all or nothing, no GET inside a change set,
 * {@code $<Content-ID>} references in URLs and in {@code If-Match}, {@code Content-ID}
 * echoed in the response. A failed change set answers with one response part (OData 4.0);
 * processing stops after a failed part unless the request carries
 * {@code Prefer: odata.continue-on-error} ([ASSUMPTION] token). Vouchers written in a
 * change set must balance when the change set ends.
 */
final class BatchProcessor {

	private final ODataService service;

	BatchProcessor(ODataService service) {
		this.service = service;
	}

	ODataResponse process(ODataRequest batch) {
		String boundary;
		List<Part> parts;
		try {
			boundary = MultipartMixed.boundary(batch.header("Content-Type"));
			parts = MultipartMixed.parse(batch.body(), boundary);
		}
		catch (IllegalArgumentException ex) {
			return this.service.error(SandboxException.badRequest("Malformed $batch request: " + ex.getMessage()));
		}
		boolean continueOnError = String.valueOf(batch.header("Prefer")).contains("continue-on-error");
		List<Part> responses = new ArrayList<>();
		for (Part part : parts) {
			Part response;
			boolean failed;
			if (part.isMultipart()) {
				ChangeSetResult result = changeSet(batch, part);
				response = result.part();
				failed = result.failed();
			}
			else {
				ODataResponse single = single(batch, part, null, Map.of());
				response = httpPart(single, part.header("Content-ID"));
				failed = single.status() >= 400;
			}
			responses.add(response);
			if (failed && !continueOnError) {
				break;
			}
		}
		String responseBoundary = "batchresponse_" + UUID.randomUUID();
		return ODataResponse.of(200, "multipart/mixed; boundary=" + responseBoundary,
				MultipartMixed.write(responses, responseBoundary));
	}

	private record ChangeSetResult(Part part, boolean failed) {

	}

	private record Created(String path, String etag) {

	}

	private ChangeSetResult changeSet(ODataRequest batch, Part changeSet) {
		List<Part> requests;
		try {
			requests = MultipartMixed.parse(changeSet.content(),
					MultipartMixed.boundary(changeSet.header("Content-Type")));
		}
		catch (IllegalArgumentException ex) {
			return new ChangeSetResult(httpPart(
					this.service.error(SandboxException.badRequest("Malformed change set: " + ex.getMessage())), null),
					true);
		}
		Map<String, Created> created = new HashMap<>();
		String[] failedContentId = new String[1];
		try {
			List<Part> responses = this.service.store().atomically(() -> {
				List<Part> done = new ArrayList<>();
				Set<Row> vouchers = new LinkedHashSet<>();
				for (Part request : requests) {
					failedContentId[0] = request.header("Content-ID");
					ODataResponse response = single(batch, request, created, Map.of());
					if (response.status() >= 400) {
						throw new PartFailed(response);
					}
					done.add(httpPart(response, request.header("Content-ID")));
					touchedVoucher(batch, response, vouchers);
				}
				failedContentId[0] = null;
				for (Row voucher : vouchers) {
					Row current = this.service.store().find(voucher.set(), voucher.key());
					if (current != null) {
						this.service.checkBalanced(current);
					}
				}
				return done;
			});
			String boundary = "changesetresponse_" + UUID.randomUUID();
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "multipart/mixed; boundary=" + boundary);
			return new ChangeSetResult(new Part(headers, MultipartMixed.write(responses, boundary)), false);
		}
		catch (PartFailed ex) {
			return new ChangeSetResult(httpPart(ex.response, failedContentId[0]), true);
		}
		catch (SandboxException ex) {
			return new ChangeSetResult(httpPart(this.service.error(ex), failedContentId[0]), true);
		}
	}

	private void touchedVoucher(ODataRequest batch, ODataResponse response, Set<Row> vouchers) {
		String location = response.headers().get("Location");
		if (location == null || !location.startsWith(batch.serviceRoot())) {
			return;
		}
		String path = location.substring(batch.serviceRoot().length());
		ODataService.Resource resource = this.service.resource(batch.projection(), path.split("/")[0]);
		Row voucher = (resource.set() == this.service.store().model().vouchers)
				? this.service.store().find(resource.set(), resource.key()) : null;
		if (voucher != null) {
			vouchers.add(voucher);
		}
	}

	private static final class PartFailed extends RuntimeException {

		private final transient ODataResponse response;

		PartFailed(ODataResponse response) {
			super(null, null, false, false);
			this.response = response;
		}

	}

	private ODataResponse single(ODataRequest batch, Part part, Map<String, Created> created,
			Map<String, String> unused) {
		HttpMessage message;
		try {
			message = HttpMessage.parse(part.content());
		}
		catch (RuntimeException ex) {
			return this.service.error(SandboxException.badRequest("A $batch part is not an HTTP request."));
		}
		String[] requestLine = message.startLine().split(" ");
		if (requestLine.length < 2) {
			return this.service
				.error(SandboxException.badRequest("Bad request line in a $batch part: " + message.startLine()));
		}
		String method = requestLine[0];
		String target = requestLine[1];
		if (created != null && method.equals("GET")) {
			return this.service.error(SandboxException.badRequest("GET is not allowed inside a change set."));
		}
		Map<String, String> headers = new HashMap<>(message.headers());
		if (created != null) {
			String ifMatch = headers.get("If-Match");
			if (ifMatch != null && ifMatch.startsWith("$")) {
				Created referenced = created.get(ifMatch.substring(1));
				if (referenced == null) {
					return this.service.error(SandboxException
						.badRequest("If-Match " + ifMatch + " refers to no earlier request of this change set."));
				}
				headers.put("If-Match", referenced.etag());
			}
			if (target.startsWith("$")) {
				int slash = target.indexOf('/');
				String id = target.substring(1, (slash < 0) ? target.length() : slash);
				Created referenced = created.get(id);
				if (referenced == null) {
					return this.service.error(
							SandboxException.badRequest(target + " refers to no earlier request of this change set."));
				}
				target = referenced.path() + ((slash < 0) ? "" : target.substring(slash));
			}
		}
		String relative = target;
		if (relative.startsWith("http://") || relative.startsWith("https://")) {
			if (!relative.startsWith(batch.serviceRoot())) {
				return this.service.error(SandboxException.badRequest(
						"A $batch part addresses another service: " + relative + "; batches are per projection."));
			}
			relative = relative.substring(batch.serviceRoot().length());
		}
		else if (relative.startsWith("/")) {
			String rootPath = URI.create(batch.serviceRoot()).getRawPath();
			relative = relative.startsWith(rootPath) ? relative.substring(rootPath.length()) : relative.substring(1);
		}
		int question = relative.indexOf('?');
		String path = (question < 0) ? relative : relative.substring(0, question);
		ODataRequest request;
		try {
			request = new ODataRequest(method, batch.serviceRoot(), batch.projection(), path,
					ODataRequest.parseQuery((question < 0) ? null : relative.substring(question + 1)), headers,
					message.body());
		}
		catch (SandboxException ex) {
			return this.service.error(ex);
		}
		ODataResponse response = (created != null) ? dispatchOrThrow(request) : this.service.handle(request);
		if (created != null && response.status() < 300) {
			String contentId = part.header("Content-ID");
			String location = response.headers().get("Location");
			String etag = response.headers().get("ETag");
			if (contentId != null && location != null) {
				created.put(contentId, new Created(location.substring(batch.serviceRoot().length()), etag));
			}
			else if (contentId != null && etag != null) {
				created.put(contentId, new Created(path, etag));
			}
		}
		return response;
	}

	private ODataResponse dispatchOrThrow(ODataRequest request) {
		try {
			return this.service.dispatch(request);
		}
		catch (SandboxException ex) {
			throw new PartFailed(this.service.error(ex));
		}
	}

	private static Part httpPart(ODataResponse response, String contentId) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/http");
		headers.put("Content-Transfer-Encoding", "binary");
		if (contentId != null) {
			headers.put("Content-ID", contentId);
		}
		Map<String, String> messageHeaders = new LinkedHashMap<>(response.headers());
		if (response.body().length > 0) {
			messageHeaders.put("Content-Length", String.valueOf(response.body().length));
		}
		String startLine = "HTTP/1.1 " + response.status() + " " + reason(response.status());
		return new Part(headers, new HttpMessage(startLine, messageHeaders, response.body()).toBytes());
	}

	private static String reason(int status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Status";
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
