package io.mlconnector.sandbox.slack;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Slack's Block Kit limits for messages (reference §4.4): 50 blocks; section text 3000
 * and at most 10 fields of 2000; header text 150; context at most 10 elements; actions at
 * most 25 elements; {@code block_id}/{@code action_id} 255, unique action ids within a
 * block; button text 75, value 2000, url 3000. A violation is answered
 * {@code invalid_arguments} with the reason in {@code response_metadata.messages}
 * (ASSUMPTION: the code, from the third-party error list; Slack's real texts are not
 * published).
 */
final class BlockKitRules {

	private static final Set<String> TYPES = Set.of("section", "header", "context", "actions", "divider", "image",
			"rich_text", "input", "file", "video", "markdown");

	private BlockKitRules() {
	}

	/**
	 * Checks blocks.
	 * @param blocks the blocks array
	 * @return what is wrong, or {@code null}
	 */
	static String violation(JsonNode blocks) {
		if (!blocks.isArray()) {
			return "blocks must be an array";
		}
		if (blocks.size() > 50) {
			return "no more than 50 items allowed [json-pointer:/blocks]";
		}
		Set<String> blockIds = new HashSet<>();
		int index = 0;
		for (JsonNode block : blocks) {
			String at = " [json-pointer:/blocks/" + index++ + "]";
			String type = block.path("type").asString("");
			if (!TYPES.contains(type)) {
				return "unsupported block type '" + type + "'" + at;
			}
			String blockId = block.path("block_id").asString(null);
			if (blockId != null && (blockId.length() > 255 || !blockIds.add(blockId))) {
				return "block_id must be unique and at most 255 characters" + at;
			}
			String problem = switch (type) {
				case "section" -> section(block);
				case "header" -> length(block.path("text"), 150, "header text");
				case "context" -> (block.path("elements").size() > 10) ? "context has more than 10 elements"
						: (block.path("elements").isEmpty()) ? "context needs elements" : null;
				case "actions" -> actions(block);
				default -> null;
			};
			if (problem != null) {
				return problem + at;
			}
		}
		return null;
	}

	private static String section(JsonNode block) {
		JsonNode text = block.path("text");
		JsonNode fields = block.path("fields");
		if (text.isMissingNode() && fields.isMissingNode()) {
			return "a section needs text or fields";
		}
		if (!text.isMissingNode()) {
			String problem = length(text, 3000, "section text");
			if (problem != null) {
				return problem;
			}
		}
		if (fields.size() > 10) {
			return "a section has at most 10 fields";
		}
		for (JsonNode field : fields) {
			String problem = length(field, 2000, "field text");
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static String actions(JsonNode block) {
		JsonNode elements = block.path("elements");
		if (elements.isEmpty() || elements.size() > 25) {
			return "actions have 1 to 25 elements";
		}
		Set<String> actionIds = new HashSet<>();
		for (JsonNode element : elements) {
			String actionId = element.path("action_id").asString(null);
			if (actionId != null && (actionId.length() > 255 || !actionIds.add(actionId))) {
				return "action_id must be unique within the block and at most 255 characters";
			}
			if ("button".equals(element.path("type").asString(""))) {
				String problem = length(element.path("text"), 75, "button text");
				if (problem != null) {
					return problem;
				}
				if (element.path("value").asString("").length() > 2000) {
					return "button value is longer than 2000 characters";
				}
				if (element.path("url").asString("").length() > 3000) {
					return "button url is longer than 3000 characters";
				}
			}
		}
		return null;
	}

	private static String length(JsonNode textObject, int max, String what) {
		String text = textObject.path("text").asString(null);
		if (text == null || text.isEmpty()) {
			return what + " is missing";
		}
		return (text.length() > max) ? what + " is longer than " + max + " characters" : null;
	}

}
