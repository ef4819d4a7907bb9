package io.mlconnector.secrets;

import java.time.Instant;

/**
 * A token pair as issued by a provider's token endpoint.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token, or {@code null} when none was issued
 * @param expiresAt when the access token expires
 * @param scope the granted scopes, space-separated, or {@code null}
 */
public record IssuedTokens(Secret accessToken, Secret refreshToken, Instant expiresAt, String scope) {

}
