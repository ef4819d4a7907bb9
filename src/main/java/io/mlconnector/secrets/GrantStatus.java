package io.mlconnector.secrets;

/**
 * The state of an OAuth grant in {@code oauth_token}.
 */
public enum GrantStatus {

	/** Tokens are usable (possibly after a refresh). */
	ACTIVE,

	/**
	 * The provider refused the refresh token: only a person can fix this, by connecting
	 * again.
	 */
	RECONNECT_REQUIRED,

	/** The grant was revoked on purpose. */
	REVOKED

}
