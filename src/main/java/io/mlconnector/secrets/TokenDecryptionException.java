package io.mlconnector.secrets;

/**
 * A stored token could not be decrypted: its key is not configured, or the value was
 * changed. The message says which key and what to do.
 */
public class TokenDecryptionException extends RuntimeException {

	public TokenDecryptionException(String message) {
		super(message);
	}

}
