/**
 * Spring Batch infrastructure every job shares: the logging context (tenant and job
 * execution id on every log line) and job repository metrics.
 */
package io.mlconnector.batch;
