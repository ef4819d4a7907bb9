package io.mlconnector.people;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.tenant.Tenants;
import io.mlconnector.visma.VismaClients;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code peopleSyncJob}: one Gusto employee of one tenant, to IFS resources (headcount)
 * and Visma employees. Identifying parameters ({@link PeopleSyncParameters}): tenant,
 * employee and trigger. One step, {@value #SYNC_STEP} ({@link PeopleSyncTasklet}); the
 * routes that launch it are in {@link PeopleRoutesConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class PeopleSyncJobConfiguration {

	static final String JOB = "peopleSyncJob";

	static final String SYNC_STEP = "peopleSyncStep";

	@Bean
	EmployeeLinks employeeLinks(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
		return new EmployeeLinks(jdbc, clock, transactionManager);
	}

	@Bean
	PersonSync personSync(GustoClient gusto, IfsClients ifs, VismaClients visma, EmployeeLinks links,
			JdbcTemplate jdbcTemplate, MeterRegistry meters) {
		return new PersonSync(gusto, ifs, visma, links, new EmployeeLocks(jdbcTemplate), meters);
	}

	@Bean
	Job peopleSyncJob(JobRepository jobRepository, Step peopleSyncStep, Tenants tenants) {
		return new JobBuilder(JOB, jobRepository).validator(new PeopleSyncParameters.Validator(tenants))
			.start(peopleSyncStep)
			.build();
	}

	@Bean
	Step peopleSyncStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tenants tenants,
			PersonSync sync, AuditTrail audit) {
		return new StepBuilder(SYNC_STEP, jobRepository)
			.tasklet(new PeopleSyncTasklet(tenants, sync, audit), transactionManager)
			.build();
	}

}
