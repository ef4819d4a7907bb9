package io.mlconnector.gusto;

/**
 * Gusto refused a request with a 4xx other than 401 and 429: the request itself must
 * change. Carries Gusto's {@code category} (branch on it), {@code error_key} and
 * {@code message}.
 */
public class GustoApiException extends RuntimeException {

	private final String tenant;

	private final int status;

	private final String category;

	private final String errorKey;

	private final String gustoMessage;

	GustoApiException(String tenant, String request, int status, String category, String errorKey,
			String gustoMessage) {
		super("Gusto answered " + status + " " + ((category != null) ? category : "(no category)") + " to " + request
				+ " for tenant " + tenant + ((errorKey != null) ? " [" + errorKey + "]" : "")
				+ ((gustoMessage != null) ? ": " + gustoMessage : ""));
		this.tenant = tenant;
		this.status = status;
		this.category = category;
		this.errorKey = errorKey;
		this.gustoMessage = gustoMessage;
	}

	public String tenant() {
		return this.tenant;
	}

	public int status() {
		return this.status;
	}

	/**
	 * Gusto's error category, for example {@code not_found},
	 * {@code invalid_resource_version}, {@code missing_oauth_scopes}.
	 * @return the category, or {@code null} if the body had none
	 */
	public String category() {
		return this.category;
	}

	/**
	 * The attribute or parameter concerned ({@code base}, {@code request}, a field).
	 * @return the error key, or {@code null}
	 */
	public String errorKey() {
		return this.errorKey;
	}

	/**
	 * Gusto's own message.
	 * @return the message, or {@code null}
	 */
	public String gustoMessage() {
		return this.gustoMessage;
	}

}
