/**
 * The demo of {@code ./mvnw spring-boot:run} (profile {@code sandbox}): once the service
 * is ready it generates the demo tenant's Gusto company, connects Gusto through the real
 * OAuth flow, subscribes to webhooks with the real handshake, processes a payroll in the
 * Gusto sandbox, waits for the webhook → inbox → {@code payrollPostingJob} → IFS sandbox
 * path to post it and prints a summary. Switched off with
 * {@code mlc.sandbox.demo.enabled=false}.
 */
package io.mlconnector.sandbox.demo;
