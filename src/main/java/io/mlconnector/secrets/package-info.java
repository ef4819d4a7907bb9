/**
 * Secrets: the {@link io.mlconnector.secrets.Secret} value type for configured
 * credentials and the encrypted store of OAuth tokens ({@code oauth_token}).
 */
package io.mlconnector.secrets;
