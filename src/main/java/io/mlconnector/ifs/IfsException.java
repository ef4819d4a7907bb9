package io.mlconnector.ifs;

import java.util.List;

/**
 * IFS answered with an error that retrying will not fix. Carries the HTTP status and
 * IFS's {@code {"error":{"code","message","details"}}}.
 */
public class IfsException extends RuntimeException {

	private final int status;

	private final String code;

	private final String serverMessage;

	private final List<Detail> details;

	public IfsException(String message, int status, String code, String serverMessage, List<Detail> details) {
		super(message);
		this.status = status;
		this.code = code;
		this.serverMessage = serverMessage;
		this.details = (details != null) ? List.copyOf(details) : List.of();
	}

	/**
	 * One entry of IFS's {@code details} array.
	 *
	 * @param code the detail code
	 * @param message the detail message
	 * @param target what it is about (a property, a header), may be null
	 */
	public record Detail(String code, String message, String target) {

	}

	public int status() {
		return this.status;
	}

	/**
	 * IFS's error code, e.g. {@code ODP_PRECONDITION_FAILED}.
	 * @return the code, or null if the body had none
	 */
	public String code() {
		return this.code;
	}

	public String serverMessage() {
		return this.serverMessage;
	}

	public List<Detail> details() {
		return this.details;
	}

}
