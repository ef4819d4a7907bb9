/**
 * A stateful, contract-faithful fake of Gusto's App Integrations API under
 * {@code /sandbox/gusto}, active in the {@code sandbox} profile only: OAuth with rotating
 * refresh tokens, the documented rate limit, paging headers, versioned objects, Gusto's
 * error shape, a deterministic data generator, webhook delivery and fault injection.
 * Behaviour marked ASSUMPTION in comments is not documented by Gusto.
 */
package io.mlconnector.sandbox.gusto;
