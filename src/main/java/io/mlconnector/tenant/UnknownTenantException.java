package io.mlconnector.tenant;

/**
 * Thrown when a request or job names a tenant that is not configured.
 */
public class UnknownTenantException extends RuntimeException {

	private final String tenantId;

	UnknownTenantException(String tenantId) {
		super("No tenant '" + tenantId
				+ "' is configured; add it under mlc.tenants in application.yml or config/tenants.yml");
		this.tenantId = tenantId;
	}

	public String tenantId() {
		return this.tenantId;
	}

}
