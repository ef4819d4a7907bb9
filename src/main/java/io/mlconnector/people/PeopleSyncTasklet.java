package io.mlconnector.people;

import java.util.List;
import java.util.Map;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The step of {@code peopleSyncJob}: syncs one employee to IFS and Visma. When a target
 * cannot hold the employee (a missing mapping, a refusal), the execution fails with what
 * to fix, after the other target was synced; a restart after the fix syncs both again,
 * and what is already right is not written.
 */
class PeopleSyncTasklet implements Tasklet {

	static final String ACTOR = "peopleSyncJob";

	private final Tenants tenants;

	private final PersonSync sync;

	private final AuditTrail audit;

	PeopleSyncTasklet(Tenants tenants, PersonSync sync, AuditTrail audit) {
		this.tenants = tenants;
		this.sync = sync;
		this.audit = audit;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
		JobExecution execution = context.getStepContext().getStepExecution().getJobExecution();
		String tenantId = execution.getJobParameters().getString(PeopleSyncParameters.TENANT);
		String employee = execution.getJobParameters().getString(PeopleSyncParameters.EMPLOYEE);
		Tenant tenant = this.tenants.find(tenantId).orElseThrow();
		PersonSync.Result result = this.sync.sync(tenant, employee, execution.getId());
		List<String> problems = result.problems();
		this.audit.record(tenantId, ACTOR, "people.employee.synced", "employee:" + employee,
				problems.isEmpty() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
				Map.of("ifs", describe(result.ifs()), "visma", describe(result.visma()), "writes", result.writes(),
						"active", result.person().active()));
		if (!problems.isEmpty()) {
			throw new PeopleSyncRejectedException(problems);
		}
		return RepeatStatus.FINISHED;
	}

	private static String describe(TargetOutcome outcome) {
		return (outcome != null) ? outcome.status() + ": " + outcome.detail() : "not configured";
	}

}
