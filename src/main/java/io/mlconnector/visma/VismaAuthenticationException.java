package io.mlconnector.visma;

/**
 * Visma Connect refused the credentials, or the API refused a freshly issued token (401
 * twice): the message names the likely cause, usually a customer tenant id configured
 * where the company tenant id belongs [DOC-401], or a scope the application lacks.
 */
public class VismaAuthenticationException extends VismaException {

	public VismaAuthenticationException(String message, int status, VismaError error) {
		super(message, status, error);
	}

}
