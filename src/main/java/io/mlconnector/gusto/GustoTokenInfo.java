package io.mlconnector.gusto;

/**
 * What a token grants [SPEC {@code Token-Info}]: for a company token, the resource is the
 * company ({@code type: "Company"}).
 *
 * @param scope granted scopes, space-separated
 * @param resource the resource the token is for
 * @param resourceOwner who granted it
 */
public record GustoTokenInfo(String scope, Resource resource, Resource resourceOwner) {

	/**
	 * The company uuid, if this is a company token.
	 * @return the uuid, or {@code null}
	 */
	public String companyUuid() {
		return (this.resource != null && "Company".equals(this.resource.type())) ? this.resource.uuid() : null;
	}

	/**
	 * A resource.
	 *
	 * @param type {@code Company}, {@code CompanyAdmin}, {@code Oauth::Application}
	 * @param uuid its uuid
	 */
	public record Resource(String type, String uuid) {

	}

}
