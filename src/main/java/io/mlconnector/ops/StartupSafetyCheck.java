package io.mlconnector.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.mlconnector.secrets.Secret;
import io.mlconnector.secrets.SecretsProperties;

import org.springframework.core.env.Environment;

/**
 * Refuses to start with weak or publicly known secrets: an operator or viewer token
 * shorter than 32 bytes, the sandbox's published operator token or token key outside the
 * {@code sandbox} profile, no {@code MLC_SECRET_KEY} outside the sandbox, and the
 * {@code sandbox} profile together with {@code prod}.
 */
final class StartupSafetyCheck {

	static final int MINIMUM_TOKEN_BYTES = 32;

	/** The sandbox profile's published operator token (application-sandbox.yml). */
	static final String SANDBOX_OPERATOR_TOKEN = "sandbox-operator-token";

	/** The sandbox profile's published token key (application-sandbox.yml). */
	static final String SANDBOX_SECRET_KEY = "sandbox:c2FuZGJveC1rZXktbm90LWEtc2VjcmV0LTMyYnl0ZXM=";

	/** Other public values of the sandbox simulators. */
	private static final Set<String> SANDBOX_VALUES = Set.of(SANDBOX_OPERATOR_TOKEN, SANDBOX_SECRET_KEY,
			"sandbox-gusto-secret", "sandbox-ifs-secret", "sandbox-visma-secret");

	private StartupSafetyCheck() {
	}

	static void check(Environment environment, OpsProperties ops, SecretsProperties secrets) {
		List<String> profiles = Arrays.asList(environment.getActiveProfiles());
		boolean sandbox = profiles.contains("sandbox");
		List<String> problems = new ArrayList<>();
		if (sandbox && profiles.contains("prod")) {
			problems.add("the sandbox profile (simulators, public demo credentials) is active together with prod: "
					+ "remove sandbox from SPRING_PROFILES_ACTIVE");
		}
		if (!sandbox) {
			token("MLC_OPS_TOKEN (mlc.ops.token)", ops.token(), problems);
			token("MLC_OPS_VIEWER_TOKEN (mlc.ops.viewer-token)", ops.viewerToken(), problems);
			if (secrets.key() == null) {
				problems.add("MLC_SECRET_KEY (mlc.secrets.key) is not set: OAuth and webhook tokens are stored "
						+ "encrypted under it; set it to '<key id>:<base64 of 32 random bytes>'");
			}
			else if (SANDBOX_VALUES.contains(secrets.key().value())) {
				problems.add("MLC_SECRET_KEY (mlc.secrets.key) is the sandbox's published key: generate one");
			}
		}
		if (!problems.isEmpty()) {
			throw new UnsafeConfigurationException(problems);
		}
	}

	private static void token(String name, Secret token, List<String> problems) {
		if (token == null) {
			return;
		}
		if (SANDBOX_VALUES.contains(token.value())) {
			problems.add(name + " is a published sandbox value: generate a random one");
		}
		else if (token.value().getBytes(StandardCharsets.UTF_8).length < MINIMUM_TOKEN_BYTES) {
			problems.add(name + " is shorter than " + MINIMUM_TOKEN_BYTES + " bytes: generate a random one, e.g. "
					+ "openssl rand -hex 32");
		}
	}

}
