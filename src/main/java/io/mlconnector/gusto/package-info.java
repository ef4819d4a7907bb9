/**
 * Gusto App Integrations connector: {@link io.mlconnector.gusto.GustoClient} (rate
 * limited through the shared request budget, retrying, paged, typed errors), the OAuth
 * connect flow ({@code /connect/gusto}), single-flight refresh of rotating refresh tokens
 * over the encrypted token store, the webhook signature and subscription handshake, the
 * connection check, and DTO records that parse Gusto's official examples. Comments mark
 * what Gusto documents ([DOC], [SPEC]) and what is assumed ([ASSUMPTION], [3P]).
 */
package io.mlconnector.gusto;
