/**
 * Gusto API client: OAuth (authorization code, rotating refresh tokens), webhook
 * signatures and DTO records.
 */
package io.mlconnector.gusto;
