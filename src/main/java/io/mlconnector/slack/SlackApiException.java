package io.mlconnector.slack;

/**
 * Slack answered {@code ok:false} (or refused a {@code response_url}) and retrying the
 * same call will not help: the message says which call, for which tenant, Slack's error
 * code and what to fix. Branch on {@link #kind()}.
 */
public class SlackApiException extends RuntimeException {

	private final String tenant;

	private final String method;

	private final String error;

	private final SlackErrorKind kind;

	SlackApiException(String tenant, String method, String error, String detail) {
		super("Slack answered " + error + " to " + method + " for tenant " + tenant
				+ ((detail != null) ? " (" + detail + ")" : "") + ": " + SlackErrorKind.fix(error, tenant));
		this.tenant = tenant;
		this.method = method;
		this.error = error;
		this.kind = SlackErrorKind.of(error);
	}

	public String tenant() {
		return this.tenant;
	}

	/**
	 * The Web API method, for example {@code chat.postMessage}.
	 * @return the method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Slack's error code, for example {@code channel_not_found}.
	 * @return the code
	 */
	public String error() {
		return this.error;
	}

	public SlackErrorKind kind() {
		return this.kind;
	}

}
