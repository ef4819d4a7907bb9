package io.mlconnector.ifs;

import java.util.List;

/**
 * 412: the record changed since the ETag sent in {@code If-Match} was read (the status is
 * the simulator's [ASSUMPTION]; IFS does not document it). Never retry blindly: re-read
 * the record, decide again with its current state, and write with the new ETag.
 */
public class IfsConflictException extends IfsException {

	public IfsConflictException(String message, int status, String code, String serverMessage, List<Detail> details) {
		super(message, status, code, serverMessage, details);
	}

}
