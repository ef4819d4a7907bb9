package io.mlconnector.batch;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Registers {@link JobLoggingContext} on every job and step bean, so no job can forget
 * it.
 */
class JobLoggingContextPostProcessor implements BeanPostProcessor {

	private final JobLoggingContext context = new JobLoggingContext();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractJob job) {
			job.registerJobExecutionListener(this.context);
		}
		else if (bean instanceof AbstractStep step) {
			step.registerStepExecutionListener(this.context);
		}
		return bean;
	}

}
