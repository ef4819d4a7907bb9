/**
 * Spring Batch infrastructure every job shares: the asynchronous launcher, the logging
 * context (tenant and job execution id on every log line), job repository metrics,
 * cluster-safe schedules (ShedLock), and the recovery of executions whose instance died
 * (instance heartbeats, execution owners).
 */
package io.mlconnector.batch;
