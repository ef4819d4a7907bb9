package io.mlconnector.gusto;

/**
 * The tenant has no usable Gusto grant: it never connected, or Gusto refused its refresh
 * token and a person must connect again. Retrying does not help.
 */
public class GustoNotConnectedException extends RuntimeException {

	private final String tenant;

	private final boolean reconnectRequired;

	GustoNotConnectedException(String tenant, boolean reconnectRequired, String message) {
		super(message);
		this.tenant = tenant;
		this.reconnectRequired = reconnectRequired;
	}

	static GustoNotConnectedException neverConnected(String tenant) {
		return new GustoNotConnectedException(tenant, false, "Gusto is not connected for tenant " + tenant
				+ ": an admin of the Gusto company opens /connect/gusto?tenant=" + tenant);
	}

	static GustoNotConnectedException reconnect(String tenant, String reason) {
		return new GustoNotConnectedException(tenant, true,
				"reconnect Gusto for tenant " + tenant + ": " + ((reason != null) ? reason : "the grant is not active")
						+ ". An admin of the Gusto company opens /connect/gusto?tenant=" + tenant);
	}

	public String tenant() {
		return this.tenant;
	}

	/**
	 * Whether the tenant was connected and Gusto refused the grant since.
	 * @return {@code true} for "reconnect", {@code false} for "never connected"
	 */
	public boolean reconnectRequired() {
		return this.reconnectRequired;
	}

}
