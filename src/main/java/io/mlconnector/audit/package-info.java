/**
 * The append-only audit trail ({@code audit_event}): who did what, to which subject,
 * when, and with what outcome.
 */
package io.mlconnector.audit;
