/**
 * Operator API: executions, restart, replay, audit and connection checks.
 */
package io.mlconnector.ops;
