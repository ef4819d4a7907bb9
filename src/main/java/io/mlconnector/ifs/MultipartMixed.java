package io.mlconnector.ifs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code multipart/mixed} and {@code application/http} wire format of OData v4
 * {@code $batch} (OData v4.0 Part 1, section 11.7, as IFS documents it for its
 * projections): CRLF-terminated lines, a change set is a nested {@code multipart/mixed}
 * part, every request or response is an {@code application/http} part. Bytes are kept one
 * to one (ISO-8859-1 round trip), so bodies in any charset survive. Public because the
 * IFS sandbox parses the same format on the server side.
 */
public final class MultipartMixed {

	static final String CRLF = "\r\n";

	private MultipartMixed() {
	}

	/**
	 * One body part: its MIME headers and its content.
	 *
	 * @param headers MIME headers, names case-insensitive
	 * @param content the part's content, without the CRLF before the next delimiter
	 */
	public record Part(Map<String, String> headers, byte[] content) {

		public Part {
			Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			copy.putAll(headers);
			headers = Collections.unmodifiableMap(copy);
		}

		public String header(String name) {
			return this.headers.get(name);
		}

		/**
		 * Whether this part is a nested multipart (an OData change set).
		 * @return whether the content type is {@code multipart/mixed}
		 */
		public boolean isMultipart() {
			String type = header("Content-Type");
			return type != null && type.toLowerCase().startsWith("multipart/mixed");
		}

	}

	/**
	 * An HTTP request or response carried in an {@code application/http} part.
	 *
	 * @param startLine {@code POST VoucherSet HTTP/1.1} or {@code HTTP/1.1 201 Created}
	 * @param headers the message headers, names case-insensitive
	 * @param body the message body, empty if none
	 */
	public record HttpMessage(String startLine, Map<String, String> headers, byte[] body) {

		public HttpMessage {
			Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			copy.putAll(headers);
			headers = Collections.unmodifiableMap(copy);
		}

		public String header(String name) {
			return this.headers.get(name);
		}

		/**
		 * The status code of a response message.
		 * @return the status
		 * @throws IllegalArgumentException if the start line is not a status line
		 */
		public int status() {
			String[] words = this.startLine.split(" ", 3);
			if (words.length < 2 || !words[0].startsWith("HTTP/")) {
				throw new IllegalArgumentException("not an HTTP status line: " + this.startLine);
			}
			return Integer.parseInt(words[1]);
		}

		public byte[] toBytes() {
			StringBuilder text = new StringBuilder(this.startLine).append(CRLF);
			this.headers.forEach((name, value) -> text.append(name).append(": ").append(value).append(CRLF));
			text.append(CRLF).append(latin1(this.body));
			return text.toString().getBytes(StandardCharsets.ISO_8859_1);
		}

		public static HttpMessage parse(byte[] bytes) {
			String text = latin1(bytes);
			int headersEnd = blankLine(text, 0);
			String head = (headersEnd < 0) ? text : text.substring(0, headersEnd);
			String[] lines = head.split("\r?\n");
			Map<String, String> headers = MultipartMixed.headers(lines, 1);
			String body = (headersEnd < 0) ? "" : text.substring(afterBlankLine(text, headersEnd));
			return new HttpMessage(lines[0].trim(), headers, body.getBytes(StandardCharsets.ISO_8859_1));
		}

	}

	/**
	 * Reads the boundary parameter of a {@code multipart/mixed} content type.
	 * @param contentType the header value
	 * @return the boundary
	 * @throws IllegalArgumentException if there is none
	 */
	public static String boundary(String contentType) {
		if (contentType != null) {
			for (String parameter : contentType.split(";")) {
				String trimmed = parameter.trim();
				if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
					String value = trimmed.substring(9).trim();
					return (value.startsWith("\"") && value.endsWith("\"") && value.length() > 1)
							? value.substring(1, value.length() - 1) : value;
				}
			}
		}
		throw new IllegalArgumentException(
				"Content-Type must be multipart/mixed with a boundary parameter, was: " + contentType);
	}

	/**
	 * Splits a multipart body into its parts.
	 * @param body the body
	 * @param boundary the boundary from the content type
	 * @return the parts in order
	 * @throws IllegalArgumentException if the body has no delimiter or no close delimiter
	 */
	public static List<Part> parse(byte[] body, String boundary) {
		String text = latin1(body);
		String delimiter = "--" + boundary;
		int position = text.startsWith(delimiter) ? 0 : text.indexOf("\n" + delimiter);
		if (position < 0) {
			throw new IllegalArgumentException("the multipart body has no delimiter --" + boundary);
		}
		position = (position == 0) ? delimiter.length() : position + 1 + delimiter.length();
		List<Part> parts = new ArrayList<>();
		while (!text.startsWith("--", position)) {
			int lineEnd = text.indexOf('\n', position);
			if (lineEnd < 0) {
				throw new IllegalArgumentException(
						"the multipart body ends without the close delimiter --" + boundary + "--");
			}
			int start = lineEnd + 1;
			int next = text.indexOf("\n" + delimiter, start - 1);
			if (next < 0) {
				throw new IllegalArgumentException(
						"the multipart body ends without the close delimiter --" + boundary + "--");
			}
			int end = (next > start && text.charAt(next - 1) == '\r') ? next - 1 : Math.max(next, start);
			parts.add(part(text.substring(start, end)));
			position = next + 1 + delimiter.length();
		}
		return parts;
	}

	/**
	 * Writes parts as a multipart body with CRLF line ends.
	 * @param parts the parts
	 * @param boundary the boundary
	 * @return the body
	 */
	public static byte[] write(List<Part> parts, String boundary) {
		StringBuilder text = new StringBuilder();
		for (Part part : parts) {
			text.append("--").append(boundary).append(CRLF);
			part.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append(CRLF));
			text.append(CRLF).append(latin1(part.content())).append(CRLF);
		}
		text.append("--").append(boundary).append("--").append(CRLF);
		return text.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static Part part(String text) {
		int headersEnd = blankLine(text, 0);
		if (headersEnd < 0) {
			return new Part(headers(text.split("\r?\n"), 0), new byte[0]);
		}
		Map<String, String> headers = headers(text.substring(0, headersEnd).split("\r?\n"), 0);
		return new Part(headers,
				text.substring(afterBlankLine(text, headersEnd)).getBytes(StandardCharsets.ISO_8859_1));
	}

	private static Map<String, String> headers(String[] lines, int from) {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = from; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
			}
		}
		return headers;
	}

	/** Index where the blank line separating headers from content starts, or -1. */
	private static int blankLine(String text, int from) {
		if (text.startsWith("\r\n", from) || text.startsWith("\n", from)) {
			return from;
		}
		int crlf = text.indexOf("\r\n\r\n", from);
		int lf = text.indexOf("\n\n", from);
		if (crlf < 0) {
			return (lf < 0) ? -1 : lf;
		}
		return (lf >= 0 && lf < crlf) ? lf : crlf;
	}

	private static int afterBlankLine(String text, int blank) {
		if (text.startsWith("\r\n\r\n", blank)) {
			return blank + 4;
		}
		if (text.startsWith("\n\n", blank)) {
			return blank + 2;
		}
		// headers were empty: the part starts with the blank line
		return text.startsWith("\r\n", blank) ? blank + 2 : blank + 1;
	}

	static String latin1(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

}
