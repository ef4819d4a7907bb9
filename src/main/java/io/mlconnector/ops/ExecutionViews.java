package io.mlconnector.ops;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the operator API shows of job executions.
 */
final class ExecutionViews {

	private ExecutionViews() {
	}

	/**
	 * One line per execution.
	 *
	 * @param id execution id
	 * @param job job name
	 * @param status batch status
	 * @param exitCode exit code
	 * @param tenant the tenant parameter, if any
	 * @param created when it was created (UTC)
	 * @param started when it started (UTC)
	 * @param ended when it ended (UTC)
	 */
	record Summary(long id, String job, String status, String exitCode, String tenant, LocalDateTime created,
			LocalDateTime started, LocalDateTime ended) {

	}

	/**
	 * An execution with its parameters and steps.
	 *
	 * @param id execution id
	 * @param jobInstanceId the instance it belongs to (restarts share it)
	 * @param job job name
	 * @param parameters all parameters, by name
	 * @param identifyingParameters names of the parameters that identify the instance
	 * @param status batch status
	 * @param exitCode exit code
	 * @param exitDescription exit description (the failure's stack trace, shortened)
	 * @param started when it started (UTC)
	 * @param ended when it ended (UTC)
	 * @param failures the failure messages of the execution and its steps
	 * @param steps the step executions
	 */
	record Detail(long id, long jobInstanceId, String job, Map<String, String> parameters,
			List<String> identifyingParameters, String status, String exitCode, String exitDescription,
			LocalDateTime started, LocalDateTime ended, List<String> failures, List<Step> steps) {

	}

	/**
	 * A step execution with its counts.
	 *
	 * @param name step name
	 * @param status batch status
	 * @param exitCode exit code
	 * @param read items read
	 * @param written items written
	 * @param filtered items filtered
	 * @param readSkips items skipped on read
	 * @param processSkips items skipped in processing
	 * @param writeSkips items skipped on write
	 * @param commits commits
	 * @param rollbacks rollbacks
	 * @param started when it started (UTC)
	 * @param ended when it ended (UTC)
	 */
	record Step(String name, String status, String exitCode, long read, long written, long filtered, long readSkips,
			long processSkips, long writeSkips, long commits, long rollbacks, LocalDateTime started,
			LocalDateTime ended) {

	}

	/**
	 * The answer to an action that started an execution.
	 *
	 * @param executionId the new execution
	 * @param status its status right after the launch
	 */
	record Launched(long executionId, String status) {

	}

}
