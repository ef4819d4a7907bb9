package io.mlconnector.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.batch.JobParameterChecks;
import io.mlconnector.ifs.IfsClient;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.ifs.IfsItemReader;
import io.mlconnector.ifs.IfsQuery;
import io.mlconnector.ifs.IfsWatermarks;
import io.mlconnector.ifs.ODataLiteral;
import io.mlconnector.slack.SlackClients;
import io.mlconnector.tenant.IfsEntitySet;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code erpNotificationJob}: the records of one kind that changed in a tenant's IFS in a
 * window, each put in the kind's Slack channel. Identified by (tenant, kind, since,
 * until): {@code since} is the watermark the window starts at (read again from the
 * tenant's {@code ifs.poll-overlap} before it), {@code until} its end. One chunk-oriented
 * step, {@value #STEP}: an {@link IfsItemReader} in (change timestamp, keys) order, whose
 * position is committed with each chunk so a restart reads on from there;
 * {@link ErpRecordProcessor} formats; {@link ErpNotificationWriter} posts or updates. The
 * schedule ({@code mlc.notify.poll-interval}, 5 minutes) launches a window per tenant and
 * kind that has a channel, on one instance of the cluster; a first poll of a tenant does
 * not post history: its watermark starts at the moment of that poll.
 */
@Configuration(proxyBeanMethods = false)
class ErpNotificationJobConfiguration {

	static final String JOB = "erpNotificationJob";

	static final String STEP = "erpNotificationStep";

	static final String TENANT = "tenant";

	static final String KIND = "kind";

	static final String SINCE = "since";

	static final String UNTIL = "until";

	private static final int CHUNK = 50;

	private static final Logger logger = LoggerFactory.getLogger(ErpNotificationJobConfiguration.class);

	@Bean
	Job erpNotificationJob(JobRepository jobRepository, Step erpNotificationStep, Tenants tenants) {
		return new JobBuilder(JOB, jobRepository).validator(new Validator(tenants)).start(erpNotificationStep).build();
	}

	@Bean
	Step erpNotificationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IfsItemReader erpChangeReader, ErpRecordProcessor erpRecordProcessor,
			ErpNotificationWriter erpNotificationWriter) {
		return new StepBuilder(STEP, jobRepository).<IfsEntity, ErpNotification>chunk(CHUNK)
			.transactionManager(transactionManager)
			.reader(erpChangeReader)
			.processor(erpRecordProcessor)
			.writer(erpNotificationWriter)
			.listener(erpNotificationWriter)
			.build();
	}

	@Bean
	@StepScope
	IfsItemReader erpChangeReader(Tenants tenants, IfsClients ifs,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		JobParameters parameters = stepExecution.getJobParameters();
		Tenant tenant = tenants.find(parameters.getString(TENANT)).orElseThrow();
		ErpRecordKind kind = ErpRecordKind.of(parameters.getString(KIND));
		IfsClient client = ifs.forTenant(tenant);
		String changed = client.connection().entitySets().changeTimestampField();
		Instant since = Instant.parse(parameters.getString(SINCE));
		Instant until = Instant.parse(parameters.getString(UNTIL));
		String filter = ODataLiteral.compare(changed, "ge", since.minus(client.connection().pollOverlap())) + " and "
				+ ODataLiteral.compare(changed, "le", until);
		return new IfsItemReader("ifsChanges", client, kind.set(client.connection().entitySets()), changed, kind.keys(),
				IfsQuery.all().filter(filter));
	}

	@Bean
	@StepScope
	ErpRecordProcessor erpRecordProcessor(Tenants tenants, IfsClients ifs, SlackMessages messages, MeterRegistry meters,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		JobParameters parameters = stepExecution.getJobParameters();
		Tenant tenant = tenants.find(parameters.getString(TENANT)).orElseThrow();
		IfsClient client = ifs.forTenant(tenant);
		return new ErpRecordProcessor(tenant.id(), ErpRecordKind.of(parameters.getString(KIND)),
				new ErpNotificationFormatter(Map.of(), ErpNotificationFormatter.Names.none()),
				client.connection().entitySets().changeTimestampField(), messages, meters,
				stepExecution.getJobExecutionId());
	}

	@Bean
	@StepScope
	ErpNotificationWriter erpNotificationWriter(Tenants tenants, IfsClients ifs, SlackClients slack,
			ErpNotifier notifier, IfsWatermarks watermarks, @Value("#{stepExecution}") StepExecution stepExecution) {
		JobParameters parameters = stepExecution.getJobParameters();
		Tenant tenant = tenants.find(parameters.getString(TENANT)).orElseThrow();
		IfsEntitySet set = ErpRecordKind.of(parameters.getString(KIND))
			.set(ifs.forTenant(tenant).connection().entitySets());
		return new ErpNotificationWriter(tenant, slack.forTenant(tenant.id()), notifier, watermarks, set,
				Instant.parse(parameters.getString(SINCE)));
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mlc.notify.poll.enabled", matchIfMissing = true)
	ErpNotificationSchedule erpNotificationSchedule(Tenants tenants, AsyncJobLauncher launcher, Job erpNotificationJob,
			IfsWatermarks watermarks, IfsClients ifs, Clock clock) {
		return new ErpNotificationSchedule(tenants, launcher, erpNotificationJob, watermarks, ifs, clock);
	}

	/**
	 * The tenants that notify: IFS to read, Slack to post to.
	 */
	static boolean notifies(Tenant tenant) {
		return tenant.ifs().isPresent() && tenant.slack().isPresent();
	}

	/**
	 * A window's parameters.
	 */
	static JobParameters parameters(String tenant, ErpRecordKind kind, Instant since, Instant until) {
		return new JobParametersBuilder().addString(TENANT, tenant)
			.addString(KIND, kind.id())
			.addString(SINCE, since.toString())
			.addString(UNTIL, until.toString())
			.toJobParameters();
	}

	/**
	 * Launches the next window of every tenant and kind with a channel.
	 */
	static class ErpNotificationSchedule {

		private final Tenants tenants;

		private final AsyncJobLauncher launcher;

		private final Job job;

		private final IfsWatermarks watermarks;

		private final IfsClients ifs;

		private final Clock clock;

		ErpNotificationSchedule(Tenants tenants, AsyncJobLauncher launcher, Job job, IfsWatermarks watermarks,
				IfsClients ifs, Clock clock) {
			this.tenants = tenants;
			this.launcher = launcher;
			this.job = job;
			this.watermarks = watermarks;
			this.ifs = ifs;
			this.clock = clock;
		}

		@Scheduled(initialDelayString = "${mlc.notify.initial-delay:1m}",
				fixedDelayString = "${mlc.notify.poll-interval:5m}")
		@SchedulerLock(name = "erp-notification-poll", lockAtMostFor = "PT10M")
		void pollAll() {
			Instant now = this.clock.instant();
			for (Tenant tenant : this.tenants.all()) {
				if (!tenant.enabled() || !notifies(tenant)) {
					continue;
				}
				for (ErpRecordKind kind : ErpRecordKind.values()) {
					if (kind.channel(tenant.slack().orElseThrow().channels()) == null) {
						continue;
					}
					IfsEntitySet set = kind.set(this.ifs.forTenant(tenant).connection().entitySets());
					Instant since = this.watermarks.find(tenant.id(), set).orElse(null);
					if (since == null) {
						// a first poll posts no history: changes from now on
						this.watermarks.advance(tenant.id(), set, null, now);
						continue;
					}
					try {
						this.launcher.start(this.job, parameters(tenant.id(), kind, since, now));
					}
					catch (Exception ex) {
						logger.info("ERP notification poll of {} for tenant {} not launched: {}", kind.id(),
								tenant.id(), ex.getMessage());
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
			JobParameterChecks.tenant(parameters, TENANT, this.tenants, ErpNotificationJobConfiguration::notifies,
					(tenant) -> "tenant " + tenant.id() + " does not notify (it needs IFS and Slack)");
			try {
				ErpRecordKind.of(JobParameterChecks.required(parameters, KIND));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidJobParametersException("parameter '" + KIND + "': " + ex.getMessage());
			}
			Instant since = JobParameterChecks.instant(parameters, SINCE);
			Instant until = JobParameterChecks.instant(parameters, UNTIL);
			if (!since.isBefore(until)) {
				throw new InvalidJobParametersException(
						"'" + SINCE + "' must be before '" + UNTIL + "', was " + since + " to " + until);
			}
		}

	}

}
