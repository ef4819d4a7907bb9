package io.mlconnector.ifs;

/**
 * Another poller moved the watermark while this poll ran; this poll's watermark is
 * dropped and the next poll starts from the other one's (its records are seen again at
 * most once more).
 */
public class IfsCursorConflictException extends RuntimeException {

	public IfsCursorConflictException(String tenant, String cursor) {
		super("The change cursor " + cursor + " of tenant " + tenant
				+ " was moved by another poller since this poll started; the watermark was not committed.");
	}

}
