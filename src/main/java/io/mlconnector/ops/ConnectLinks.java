package io.mlconnector.ops;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.mlconnector.secrets.Secret;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signed links that start the Gusto connect flow ({@code GET /connect/gusto}) for one
 * tenant without an {@code Authorization} header, so an operator can hand one to the
 * Gusto company's admin to open in a browser. A link carries the tenant, its expiry and
 * an HMAC-SHA256 of both keyed with a key derived from the operator token (a new operator
 * token invalidates every link); anyone else gets 401 before any row is written.
 */
class ConnectLinks {

	static final String PATH = "/connect/gusto";

	private final byte[] key;

	private final Clock clock;

	private final Duration lifetime;

	ConnectLinks(Secret operatorToken, Clock clock, Duration lifetime) {
		this.key = hmac(operatorToken.value().getBytes(StandardCharsets.UTF_8),
				"ml-connector gusto connect link".getBytes(StandardCharsets.UTF_8));
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/**
	 * A signed link for a tenant.
	 * @param base scheme, host and port of this service
	 * @param tenant the tenant
	 * @return the link and when it expires
	 */
	Link issue(URI base, String tenant) {
		Instant expires = this.clock.instant().plus(this.lifetime);
		long epoch = expires.getEpochSecond();
		URI url = UriComponentsBuilder.fromUri(base)
			.replacePath(PATH)
			.replaceQuery(null)
			.queryParam("tenant", tenant)
			.queryParam("expires", epoch)
			.queryParam("signature", signature(tenant, epoch))
			.build()
			.encode()
			.toUri();
		return new Link(url, expires);
	}

	/**
	 * Whether a request to {@code /connect/gusto} carries a valid, unexpired link.
	 * @param request the request
	 * @return whether it may start the connect flow
	 */
	boolean verify(ServerHttpRequest request) {
		String tenant = request.getQueryParams().getFirst("tenant");
		String expires = request.getQueryParams().getFirst("expires");
		String signature = request.getQueryParams().getFirst("signature");
		if (tenant == null || expires == null || signature == null || expires.length() > 12) {
			return false;
		}
		long epoch;
		try {
			epoch = Long.parseLong(expires);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (this.clock.instant().getEpochSecond() >= epoch) {
			return false;
		}
		return MessageDigest.isEqual(signature(tenant, epoch).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.UTF_8));
	}

	private String signature(String tenant, long expires) {
		byte[] mac = hmac(this.key, ("gusto-connect\n" + tenant + "\n" + expires).getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * A signed connect link.
	 *
	 * @param url the link
	 * @param expiresAt when it stops working
	 */
	record Link(URI url, Instant expiresAt) {

	}

}
