package io.mlconnector.slack;

/**
 * The Web API methods ml-connector calls, with the rate-limit tier Slack documents for
 * each [DOC method pages].
 */
enum SlackMethod {

	/** {@code auth.test}: Special tier [DOC]; budgeted like Tier 4 (an assumption). */
	AUTH_TEST("auth.test", Tier.TIER_4),

	/**
	 * {@code chat.postMessage}: Special tier, one message per second per channel plus a
	 * workspace-wide limit [DOC].
	 */
	CHAT_POST_MESSAGE("chat.postMessage", Tier.POST_MESSAGE),

	/** {@code chat.update}: Tier 3 [DOC]. */
	CHAT_UPDATE("chat.update", Tier.TIER_3),

	/** {@code conversations.info}: Tier 3 [DOC]. */
	CONVERSATIONS_INFO("conversations.info", Tier.TIER_3),

	/** {@code users.info}: Tier 4 [DOC]. */
	USERS_INFO("users.info", Tier.TIER_4);

	private final String method;

	private final Tier tier;

	SlackMethod(String method, Tier tier) {
		this.method = method;
		this.tier = tier;
	}

	/**
	 * The method's name, as in the URL.
	 * @return for example {@code chat.postMessage}
	 */
	String method() {
		return this.method;
	}

	Tier tier() {
		return this.tier;
	}

	@Override
	public String toString() {
		return this.method;
	}

	enum Tier {

		TIER_2, TIER_3, TIER_4, POST_MESSAGE

	}

}
