package io.mlconnector.sandbox.slack;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class BlockKitRulesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theReferenceRequestExampleIsValid() throws Exception {
		JsonNode request = this.json
			.readTree(getClass().getResourceAsStream("/slack/examples/chat-postMessage.request.json"));
		assertThat(BlockKitRules.violation(request.get("blocks"))).isNull();
	}

	@Test
	void eachLimitIsReportedWithWhereItWasBroken() {
		assertThat(violation(List.of(Map.of("type", "section", "text", text(3001))))).contains("section text")
			.contains("/blocks/0");
		assertThat(violation(List.of(Map.of("type", "section", "fields", java.util.Collections.nCopies(11, text(1))))))
			.contains("at most 10 fields");
		assertThat(violation(List.of(Map.of("type", "section", "fields", List.of(text(2001))))))
			.contains("field text is longer than 2000");
		assertThat(violation(List.of(Map.of("type", "header", "text", text(151))))).contains("header text");
		assertThat(
				violation(List.of(Map.of("type", "context", "elements", java.util.Collections.nCopies(11, text(1))))))
			.contains("more than 10");
		assertThat(violation(
				List.of(Map.of("type", "actions", "elements", List.of(button("a", 76, 1), button("b", 1, 1))))))
			.contains("button text");
		assertThat(violation(List.of(Map.of("type", "actions", "elements", List.of(button("a", 1, 2001))))))
			.contains("button value");
		assertThat(violation(
				List.of(Map.of("type", "actions", "elements", List.of(button("a", 1, 1), button("a", 1, 1))))))
			.contains("action_id must be unique");
		assertThat(violation(java.util.Collections.nCopies(51, Map.of("type", "divider")))).contains("50");
		assertThat(violation(List.of(Map.of("type", "banner")))).contains("unsupported block type");
	}

	private String violation(Object blocks) {
		return BlockKitRules.violation(this.json.valueToTree(blocks));
	}

	private static Map<String, Object> text(int length) {
		return Map.of("type", "mrkdwn", "text", "x".repeat(length));
	}

	private static Map<String, Object> button(String actionId, int textLength, int valueLength) {
		return Map.of("type", "button", "action_id", actionId, "text",
				Map.of("type", "plain_text", "text", "t".repeat(textLength)), "value", "v".repeat(valueLength));
	}

}
