package io.mlconnector.people;

import java.time.Clock;
import java.time.LocalDate;

import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.batch.JobParameterChecks;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import io.mlconnector.visma.VismaClients;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code peopleSweepJob}: every Gusto employee of one tenant compared with IFS and Visma,
 * and the drift repaired, so a missed or failed event never means a wrong headcount.
 * Identified by (tenant, day[, run]): one sweep a tenant a day, restartable from its last
 * commit; an operator who wants another the same day names a {@code run}. One
 * chunk-oriented step, {@value #STEP}: {@link GustoEmployeeReader} reads the employees,
 * {@link PeopleSweepWriter} syncs them against a snapshot of both targets. The schedule
 * ({@code mlc.people.sweep.cron}, 02:00 by default) launches it for every tenant that
 * syncs people, on one instance of the cluster.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeopleSweepProperties.class)
class PeopleSweepJobConfiguration {

	static final String JOB = "peopleSweepJob";

	static final String STEP = "peopleSweepStep";

	/** The tenant swept. */
	static final String TENANT = PeopleSyncParameters.TENANT;

	/** The day of the sweep (ISO date, the tenant's time zone). */
	static final String DAY = "day";

	/**
	 * Optional: a name that tells a further sweep of the same day from the nightly one
	 * (an operator's {@code after-fix}, the demo's start).
	 */
	static final String RUN = "run";

	private static final Logger logger = LoggerFactory.getLogger(PeopleSweepJobConfiguration.class);

	@Bean
	PeopleHeadcounts peopleHeadcounts(JdbcClient jdbc, Clock clock) {
		return new PeopleHeadcounts(jdbc, clock);
	}

	@Bean
	Job peopleSweepJob(JobRepository jobRepository, Step peopleSweepStep, Tenants tenants) {
		return new JobBuilder(JOB, jobRepository).validator(new Validator(tenants)).start(peopleSweepStep).build();
	}

	@Bean
	Step peopleSweepStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GustoEmployeeReader gustoEmployeeReader, PeopleSweepWriter peopleSweepWriter,
			PeopleSweepProperties properties) {
		return new StepBuilder(STEP, jobRepository).<Person, Person>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(gustoEmployeeReader)
			.writer(peopleSweepWriter)
			.listener(peopleSweepWriter)
			.build();
	}

	@Bean
	@StepScope
	GustoEmployeeReader gustoEmployeeReader(GustoClient gusto,
			@Value("#{jobParameters['" + TENANT + "']}") String tenant) {
		return new GustoEmployeeReader(gusto, tenant);
	}

	@Bean
	@StepScope
	PeopleSweepWriter peopleSweepWriter(Tenants tenants, PersonSync sync, EmployeeLinks links,
			PeopleHeadcounts headcounts, IfsClients ifs, VismaClients visma,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		Tenant tenant = tenants.find(stepExecution.getJobParameters().getString(TENANT)).orElseThrow();
		return new PeopleSweepWriter(tenant, sync, links, headcounts, ifs, visma);
	}

	@Bean
	PeopleSweepSchedule peopleSweepSchedule(Tenants tenants, AsyncJobLauncher launcher, Job peopleSweepJob,
			Clock clock) {
		return new PeopleSweepSchedule(tenants, launcher, peopleSweepJob, clock);
	}

	/**
	 * The sweep's parameters for a tenant and a day.
	 * @param tenant the tenant
	 * @param day the day
	 * @return the parameters
	 */
	static JobParameters parameters(String tenant, LocalDate day) {
		return new JobParametersBuilder().addString(TENANT, tenant).addString(DAY, day.toString()).toJobParameters();
	}

	/**
	 * Launches the sweep of every tenant that syncs people, once a day, on one instance.
	 */
	static class PeopleSweepSchedule {

		private final Tenants tenants;

		private final AsyncJobLauncher launcher;

		private final Job sweep;

		private final Clock clock;

		PeopleSweepSchedule(Tenants tenants, AsyncJobLauncher launcher, Job sweep, Clock clock) {
			this.tenants = tenants;
			this.launcher = launcher;
			this.sweep = sweep;
			this.clock = clock;
		}

		@Scheduled(cron = "${mlc.people.sweep.cron:0 0 2 * * *}")
		@SchedulerLock(name = "people-sweep", lockAtLeastFor = "PT1M")
		void sweepAll() {
			for (Tenant tenant : this.tenants.all()) {
				if (tenant.enabled() && PeopleTenants.syncsPeople(tenant)) {
					LocalDate today = LocalDate.now(this.clock.withZone(tenant.properties().timeZone()));
					try {
						this.launcher.start(this.sweep, parameters(tenant.id(), today));
					}
					catch (Exception ex) {
						logger.info("People sweep for tenant {} not launched: {}", tenant.id(), ex.getMessage());
					}
				}
			}
		}

	}

	/**
	 * Refuses a bad launch with a 400 before an instance exists.
	 */
	static final class Validator implements JobParametersValidator {

		private final Tenants tenants;

		Validator(Tenants tenants) {
			this.tenants = tenants;
		}

		@Override
		public void validate(JobParameters parameters) throws InvalidJobParametersException {
			JobParameterChecks.tenant(parameters, TENANT, this.tenants, PeopleTenants::syncsPeople,
					PeopleTenants::doesNotSyncPeople);
			JobParameterChecks.date(parameters, DAY);
		}

	}

}
