package io.mlconnector.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * This instance's life sign in {@code batch_instance_heartbeat}, and the owner records of
 * the job executions it launches ({@code batch_execution_owner}). Times are the
 * database's ({@code UTC_TIMESTAMP(6)}), so instances whose clocks drift apart still
 * agree on whose heartbeat is stale. The first heartbeat is written before any job can be
 * launched.
 */
class InstanceHeartbeat implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(InstanceHeartbeat.class);

	private final JdbcClient jdbc;

	private final String host;

	private final String id;

	InstanceHeartbeat(JdbcClient jdbc) {
		this(jdbc, hostName(), null);
	}

	InstanceHeartbeat(JdbcClient jdbc, String host, String id) {
		this.jdbc = jdbc;
		this.host = host;
		// a restarted instance is a new owner: its predecessor's executions are recovered
		this.id = (id != null) ? id
				: host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * This instance's id, new at every start.
	 * @return the id
	 */
	String id() {
		return this.id;
	}

	@Override
	public void afterPropertiesSet() {
		beat();
	}

	@Scheduled(fixedDelayString = "${mlc.batch.recovery.heartbeat-interval:10s}")
	void scheduledBeat() {
		try {
			beat();
		}
		catch (DataAccessException ex) {
			// the next beat tries again; a heartbeat missed for stale-after gets this
			// instance's running executions recovered by another instance
			logger.warn("Heartbeat of instance {} not written: {}", this.id, ex.getMessage());
		}
	}

	void beat() {
		this.jdbc
			.sql("INSERT INTO batch_instance_heartbeat (instance_id, host, started_at, heartbeat_at) "
					+ "VALUES (:id, :host, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)) "
					+ "ON DUPLICATE KEY UPDATE heartbeat_at = UTC_TIMESTAMP(6)")
			.param("id", this.id)
			.param("host", this.host)
			.update();
	}

	/**
	 * Records this instance as the owner of a job execution it launched.
	 * @param jobExecutionId the execution
	 */
	void own(long jobExecutionId) {
		this.jdbc
			.sql("INSERT INTO batch_execution_owner (job_execution_id, instance_id, recorded_at) "
					+ "VALUES (:execution, :id, UTC_TIMESTAMP(6)) "
					+ "ON DUPLICATE KEY UPDATE instance_id = VALUES(instance_id), recorded_at = VALUES(recorded_at)")
			.param("execution", jobExecutionId)
			.param("id", this.id)
			.update();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
