package io.mlconnector.sandbox.slack;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SlackSandboxSignatureTests {

	@Test
	void theSandboxSignsSlacksDocumentedTestVectorExactly() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		JsonNode vector = json.readTree(getClass().getResourceAsStream("/slack/examples/signature-test-vector.json"));
		SlackSandboxProperties properties = new SlackSandboxProperties("T1", "team", "token",
				vector.get("signing_secret").asString(), URI.create("http://localhost:1"), 1, Duration.ofSeconds(1), 3,
				600, 50, 100, "ratelimited", 5, Duration.ofMinutes(30), Duration.ofSeconds(3), List.of(Duration.ZERO));
		SlackSandboxSender sender = new SlackSandboxSender(null,
				new SlackWorkspace(Clock.systemUTC(), json, properties), properties, json, Clock.systemUTC());
		assertThat(sender.sign(vector.get("x_slack_request_timestamp").asString(),
				vector.get("raw_body").asString().getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(vector.get("x_slack_signature").asString())
			.isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
	}

}
