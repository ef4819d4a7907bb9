package io.mlconnector.people;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mlconnector.tenant.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code employee_link}: per tenant and Gusto employee, the IFS resource and Visma
 * employee it is synced to, and the outcome of the last sync of each target.
 */
public final class EmployeeLinks {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	EmployeeLinks(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		// the outcome is kept when the sync then fails its step (and rolls the step back)
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The link of one employee.
	 * @param tenant the tenant
	 * @param employeeUuid the Gusto employee
	 * @return the link, empty before the first sync
	 */
	public Optional<Link> find(String tenant, String employeeUuid) {
		return this.jdbc.sql("SELECT * FROM employee_link WHERE tenant = ? AND employee_uuid = ?")
			.params(tenant, employeeUuid)
			.query(EmployeeLinks::link)
			.optional();
	}

	/**
	 * The employees whose last sync failed for a target, with the reason, newest first.
	 * @param tenant the tenant, or {@code null} for all
	 * @param limit at most this many
	 * @return the links
	 */
	public List<Link> failed(String tenant, int limit) {
		return this.jdbc
			.sql("SELECT * FROM employee_link WHERE (:tenant IS NULL OR tenant = :tenant) "
					+ "AND (ifs_status = 'FAILED' OR visma_status = 'FAILED') ORDER BY updated_at DESC LIMIT :limit")
			.param("tenant", tenant)
			.param("limit", limit)
			.query(EmployeeLinks::link)
			.list();
	}

	/**
	 * Every link's stamp of a tenant ({@link #stamp}), by employee.
	 * @param tenant the tenant
	 * @return the stamps
	 */
	Map<String, String> stamps(String tenant) {
		Map<String, String> stamps = new HashMap<>();
		this.jdbc.sql("SELECT * FROM employee_link WHERE tenant = ?")
			.param(tenant)
			.query(EmployeeLinks::link)
			.list()
			.forEach((link) -> stamps.put(link.employeeUuid(), stamp(link)));
		return stamps;
	}

	/**
	 * What changes each time the link is written: the execution and the moment.
	 */
	static String stamp(Link link) {
		return link.jobExecutionId() + "@" + link.updatedAt();
	}

	void record(String tenant, Person person, TargetOutcome ifs, String ifsCompany, TargetOutcome visma,
			long executionId) {
		this.ownTransaction
			.executeWithoutResult((status) -> upsert(tenant, person, ifs, ifsCompany, visma, executionId));
	}

	/**
	 * Records that an employee could not be synced at all, for each target the tenant
	 * has, keeping what the link knew of the targets' keys.
	 * @param tenant the tenant
	 * @param person the employee
	 * @param fix what went wrong, and what to fix
	 * @param executionId the job execution
	 */
	void recordFailure(Tenant tenant, Person person, String fix, long executionId) {
		TargetOutcome failed = TargetOutcome.failed(fix);
		record(tenant.id(), person, tenant.ifs().isPresent() ? failed : null, null,
				tenant.visma().isPresent() ? failed : null, executionId);
	}

	private void upsert(String tenant, Person person, TargetOutcome ifs, String ifsCompany, TargetOutcome visma,
			long executionId) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.sql("""
				INSERT INTO employee_link (tenant, employee_uuid, gusto_version, ifs_company, ifs_resource_key,
					ifs_status, ifs_error, visma_employee_number, visma_status, visma_error, active, job_execution_id,
					updated_at)
				VALUES (:tenant, :employee, :version, :ifsCompany, :ifsKey, :ifsStatus, :ifsError, :vismaNumber,
					:vismaStatus, :vismaError, :active, :execution, :now)
				ON DUPLICATE KEY UPDATE gusto_version = VALUES(gusto_version),
					ifs_company = COALESCE(VALUES(ifs_company), ifs_company),
					ifs_resource_key = COALESCE(VALUES(ifs_resource_key), ifs_resource_key),
					ifs_status = VALUES(ifs_status), ifs_error = VALUES(ifs_error),
					visma_employee_number = COALESCE(VALUES(visma_employee_number), visma_employee_number),
					visma_status = VALUES(visma_status), visma_error = VALUES(visma_error), active = VALUES(active),
					job_execution_id = VALUES(job_execution_id), updated_at = VALUES(updated_at)
				""")
			.param("tenant", tenant)
			.param("employee", person.employeeUuid())
			.param("version", person.version())
			.param("ifsCompany", (ifs != null && ifs.status() == TargetOutcome.Status.SYNCED) ? ifsCompany : null)
			.param("ifsKey", (ifs != null) ? ifs.key() : null)
			.param("ifsStatus", (ifs != null) ? ifs.status().name() : null)
			.param("ifsError", (ifs != null && ifs.status() == TargetOutcome.Status.FAILED) ? ifs.detail() : null)
			.param("vismaNumber", (visma != null) ? visma.key() : null)
			.param("vismaStatus", (visma != null) ? visma.status().name() : null)
			.param("vismaError",
					(visma != null && visma.status() == TargetOutcome.Status.FAILED) ? visma.detail() : null)
			.param("active", person.active())
			.param("execution", executionId)
			.param("now", now)
			.update();
	}

	private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Link(rs.getString("tenant"), rs.getString("employee_uuid"), rs.getString("gusto_version"),
				rs.getString("ifs_company"), rs.getString("ifs_resource_key"), rs.getString("ifs_status"),
				rs.getString("ifs_error"), rs.getString("visma_employee_number"), rs.getString("visma_status"),
				rs.getString("visma_error"), rs.getBoolean("active"), rs.getObject("job_execution_id", Long.class),
				rs.getObject("updated_at", LocalDateTime.class));
	}

	/**
	 * One employee's link.
	 *
	 * @param tenant the tenant
	 * @param employeeUuid the Gusto employee
	 * @param gustoVersion Gusto's version of the employee last synced
	 * @param ifsCompany the IFS company of the resource
	 * @param ifsResourceKey the resource ({@code <company>/<ResourceSeq>})
	 * @param ifsStatus SYNCED, FAILED or SKIPPED; {@code null} without IFS
	 * @param ifsError what to fix when FAILED
	 * @param vismaEmployeeNumber the Visma employee number
	 * @param vismaStatus SYNCED, FAILED or SKIPPED; {@code null} without Visma
	 * @param vismaError what to fix when FAILED
	 * @param active whether Gusto showed the employee employed
	 * @param jobExecutionId the sync's job execution
	 * @param updatedAt when (UTC)
	 */
	public record Link(String tenant, String employeeUuid, String gustoVersion, String ifsCompany,
			String ifsResourceKey, String ifsStatus, String ifsError, String vismaEmployeeNumber, String vismaStatus,
			String vismaError, boolean active, Long jobExecutionId, LocalDateTime updatedAt) {

	}

}
