package io.mlconnector.ifs;

/**
 * An ETag exactly as IFS sent it ({@code @odata.etag} or the {@code ETag} header), echoed
 * verbatim in {@code If-Match}. It cannot be blank or {@code *}: IFS treats a PATCH
 * without If-Match as an upsert and {@code If-Match: *} disables the concurrency check
 * [DOC], and ml-connector must never do either by accident, so every write takes an
 * {@code IfsEtag} that came from a read.
 *
 * @param value the opaque ETag, e.g. {@code W/"Vy8i..."}
 */
public record IfsEtag(String value) {

	public IfsEtag {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(
					"an ETag is required: read the record first and pass its @odata.etag (a PATCH without "
							+ "If-Match is an upsert in IFS)");
		}
		if (value.trim().equals("*")) {
			throw new IllegalArgumentException("If-Match: * disables IFS's concurrency check and is never sent; "
					+ "read the record and pass its @odata.etag");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
