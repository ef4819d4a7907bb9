package io.mlconnector.visma;

/**
 * 412: the record changed since its {@code timeStamp} (ETag) was read [DOC-etag]. Re-read
 * it, apply the change to what it is now, and send it with the new {@code timeStamp};
 * never repeat the write blindly.
 */
public class VismaConflictException extends VismaException {

	public VismaConflictException(String message, VismaError error) {
		super(message, 412, error);
	}

}
