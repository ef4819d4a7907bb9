/**
 * Shared plumbing for every outbound client: rate limits per grant or tenant shared
 * through MariaDB, retries with jitter, Retry-After and request metrics.
 */
package io.mlconnector.outbound;
