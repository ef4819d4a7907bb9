package io.mlconnector.secrets;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys that encrypt OAuth tokens and webhook verification tokens at rest.
 *
 * @param key the current key, {@code <key id>:<base64 of 32 random bytes>} (for example
 * {@code 2026-01:} followed by {@code openssl rand -base64 32}); set it from
 * {@code MLC_SECRET_KEY}. Without an id prefix the id is derived from the key. New tokens
 * are always encrypted with this key
 * @param previousKeys keys that older tokens may still be encrypted with, in the same
 * format; keep a retired key here until every token has been refreshed or reconnected
 */
@ConfigurationProperties("mlc.secrets")
public record SecretsProperties(Secret key, @DefaultValue List<Secret> previousKeys) {

}
