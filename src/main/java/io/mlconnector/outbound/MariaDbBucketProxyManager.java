package io.mlconnector.outbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's select-for-update proxy manager on the {@code outbound_rate_limit} table:
 * each consumption locks the budget's row ({@code SELECT ... FOR UPDATE}), lets Bucket4j
 * compute the new state and writes it back in the same transaction, so every instance on
 * the database shares one bucket per budget.
 */
class MariaDbBucketProxyManager extends AbstractSelectForUpdateBasedProxyManager<String> {

	private static final String SELECT = "SELECT state FROM outbound_rate_limit WHERE budget = ? FOR UPDATE";

	private static final String INSERT = "INSERT IGNORE INTO outbound_rate_limit (budget, state) VALUES (?, NULL)";

	private static final String UPDATE = "UPDATE outbound_rate_limit SET state = ? WHERE budget = ?";

	private final DataSource dataSource;

	private final Set<String> rowsKnownToExist = ConcurrentHashMap.newKeySet();

	MariaDbBucketProxyManager(DataSource dataSource, ClientSideConfig config) {
		super(config);
		this.dataSource = dataSource;
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(String budget, Optional<Long> timeoutNanos) {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			if (!this.rowsKnownToExist.contains(budget)) {
				// created in a statement of its own, before the locking transaction: two
				// instances that lock a missing row take gap locks and then deadlock on
				// their inserts
				try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
					insert.setString(1, budget);
					insert.executeUpdate();
				}
				this.rowsKnownToExist.add(budget);
			}
		}
		catch (SQLException ex) {
			close(connection);
			throw new BucketExceptions.BucketExecutionException(ex);
		}
		return new RowTransaction(connection, budget);
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// already failing; the pool discards a broken connection
			}
		}
	}

	@Override
	public void removeProxy(String budget) {
		this.rowsKnownToExist.remove(budget);
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection
					.prepareStatement("DELETE FROM outbound_rate_limit WHERE budget = ?")) {
			delete.setString(1, budget);
			delete.executeUpdate();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	private final class RowTransaction implements SelectForUpdateBasedTransaction {

		private final Connection connection;

		private final String budget;

		private RowTransaction(Connection connection, String budget) {
			this.connection = connection;
			this.budget = budget;
		}

		@Override
		public void begin(Optional<Long> timeoutNanos) {
			run(() -> this.connection.setAutoCommit(false));
		}

		@Override
		public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
			try (PreparedStatement select = this.connection.prepareStatement(SELECT)) {
				applyTimeout(select, timeoutNanos);
				select.setString(1, this.budget);
				try (ResultSet row = select.executeQuery()) {
					return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
				}
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
			try (PreparedStatement insert = this.connection.prepareStatement(INSERT)) {
				applyTimeout(insert, timeoutNanos);
				insert.setString(1, this.budget);
				insert.executeUpdate();
				// inserted, or another instance did: either way the row is there to lock
				return true;
			}
			catch (SQLTransactionRollbackException ex) {
				// a concurrent insert won; Bucket4j rolls back and locks the row again
				return false;
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
			try (PreparedStatement update = this.connection.prepareStatement(UPDATE)) {
				applyTimeout(update, timeoutNanos);
				update.setBytes(1, data);
				update.setString(2, this.budget);
				update.executeUpdate();
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public void commit(Optional<Long> timeoutNanos) {
			run(this.connection::commit);
		}

		@Override
		public void rollback() {
			run(this.connection::rollback);
		}

		@Override
		public void release() {
			run(() -> {
				this.connection.setAutoCommit(true);
				this.connection.close();
			});
		}

		private void run(SqlAction action) {
			try {
				action.run();
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

	}

	@FunctionalInterface
	private interface SqlAction {

		void run() throws SQLException;

	}

}
