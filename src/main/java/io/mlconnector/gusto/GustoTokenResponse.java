package io.mlconnector.gusto;

/**
 * The token endpoint's answer [SPEC {@code Authentication}]. The expiry is counted from
 * when the response is received (as Gusto documents), so {@code created_at}, a number in
 * the spec and an ISO string in older mirrors, is not read.
 *
 * @param accessToken the access token
 * @param refreshToken the new refresh token; single-use; {@code null} for system tokens
 * @param tokenType {@code Bearer} (any case)
 * @param expiresIn lifetime in seconds, default 7200
 * @param scope granted scopes
 * @param companyUuid only in Gusto Embedded's partner-managed token response
 */
public record GustoTokenResponse(String accessToken, String refreshToken, String tokenType, Long expiresIn,
		String scope, String companyUuid) {

}
