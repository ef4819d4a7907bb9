package io.mlconnector.ifs;

import java.util.List;

/**
 * 428 {@code ODP_MISSING_PRECONDITION}: a request that needs {@code If-Match} was sent
 * without it. A programming error in ml-connector, never retried.
 */
public class IfsPreconditionRequiredException extends IfsException {

	public IfsPreconditionRequiredException(String message, int status, String code, String serverMessage,
			List<Detail> details) {
		super(message, status, code, serverMessage, details);
	}

}
