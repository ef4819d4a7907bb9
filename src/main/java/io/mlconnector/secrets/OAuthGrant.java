package io.mlconnector.secrets;

import java.time.Instant;

/**
 * One row of {@code oauth_token}, decrypted.
 *
 * @param tenant the tenant
 * @param provider the provider, for example {@code GUSTO}
 * @param externalAccount the account the grant is for (the Gusto company uuid)
 * @param accessToken the access token, or {@code null}
 * @param refreshToken the refresh token, or {@code null}
 * @param expiresAt when the access token expires, or {@code null}
 * @param scope granted scopes
 * @param status the grant's state
 * @param statusReason why the grant is not active, for operators
 * @param version optimistic lock; increases with every stored token pair
 * @param refreshOwner the instance refreshing right now, or {@code null}
 * @param refreshUntil when that claim lapses, or {@code null}
 */
public record OAuthGrant(String tenant, String provider, String externalAccount, Secret accessToken,
		Secret refreshToken, Instant expiresAt, String scope, GrantStatus status, String statusReason, long version,
		String refreshOwner, Instant refreshUntil) {

	/**
	 * Whether the access token is still good for at least {@code leeway}.
	 * @param now the current time
	 * @param leewaySeconds seconds before expiry at which the token counts as expired
	 * @return whether to use the token as it is
	 */
	public boolean freshAt(Instant now, long leewaySeconds) {
		return this.accessToken != null && this.expiresAt != null
				&& now.plusSeconds(leewaySeconds).isBefore(this.expiresAt);
	}

}
