package io.mlconnector.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps two syncs of one employee apart across the cluster: an event's
 * {@code peopleSyncJob} and the nightly sweep (or two events) never look up and write the
 * same employee's IFS resource or Visma employee at once, so a look-up-then-create never
 * creates a second. A MariaDB named lock ({@code GET_LOCK}) per tenant and employee, held
 * on the caller's connection while the sync runs and released after, or by the server
 * when the connection dies with its instance.
 */
final class EmployeeLocks {

	private final JdbcTemplate jdbc;

	EmployeeLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs the work holding the employee's lock.
	 * @param <T> what the work returns
	 * @param tenant the tenant
	 * @param employeeUuid the Gusto employee
	 * @param wait how long to wait for another sync of the employee to end
	 * @param work the sync
	 * @return what the work returned, or empty when the lock was not free within the wait
	 */
	<T> Optional<T> withLock(String tenant, String employeeUuid, Duration wait, Supplier<T> work) {
		String name = name(tenant, employeeUuid);
		return this.jdbc.execute((ConnectionCallback<Optional<T>>) (connection) -> {
			try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
				lock.setString(1, name);
				lock.setLong(2, Math.max(0, wait.toSeconds()));
				try (ResultSet rs = lock.executeQuery()) {
					if (!rs.next() || rs.getInt(1) != 1) {
						return Optional.empty();
					}
				}
			}
			try {
				return Optional.of(work.get());
			}
			finally {
				try (PreparedStatement release = connection.prepareStatement("DO RELEASE_LOCK(?)")) {
					release.setString(1, name);
					release.execute();
				}
			}
		});
	}

	/**
	 * The lock's name: MariaDB allows 64 characters, so tenant and employee are hashed.
	 */
	static String name(String tenant, String employeeUuid) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((tenant + "\u0000" + employeeUuid).getBytes(StandardCharsets.UTF_8));
			return "mlc-people-" + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
