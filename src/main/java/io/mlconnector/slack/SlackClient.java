package io.mlconnector.slack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.auth.AuthTestRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsInfoRequest;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.Message;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import io.mlconnector.outbound.OutboundRetry;
import io.mlconnector.outbound.RateLimit;
import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.outbound.RetryAfterException;
import io.mlconnector.secrets.Secret;
import io.mlconnector.tenant.Tenant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Slack's Web API for one tenant's workspace, through the official Java SDK's
 * {@link MethodsClient} with the tenant's {@code api-url} as the methods base URL (the
 * same code talks to Slack and to the sandbox). Every call:
 * <ul>
 * <li>takes permits from the workspace's budgets first, shared by all instances through
 * MariaDB: the method's tier, and for {@code chat.postMessage} also about one message per
 * second per channel, so ml-connector does not cause a 429;</li>
 * <li>on HTTP 429 waits the {@code Retry-After} seconds Slack sent and tries again, a
 * bounded number of times, as do transient {@code ok:false} errors ({@code ratelimited},
 * {@code fatal_error}, ...) and connection failures;</li>
 * <li>checks {@code ok}, not the status code (Slack answers API errors with HTTP 200) and
 * turns every other {@code ok:false} into a {@link SlackApiException} whose
 * {@link SlackErrorKind} says what to fix; a refused token is remembered (see
 * {@link SlackTokens}).</li>
 * </ul>
 * A {@code chat.postMessage} that timed out after it was sent is not repeated: Slack has
 * no idempotency key for it [NOT FOUND] and a repeat could post the message twice.
 * <p>
 * The SDK's calls block; they run on a bounded scheduler, never on the event loop.
 */
public class SlackClient {

	private final Tenant tenant;

	private final Slack slack;

	private final SlackTokens tokens;

	private final RequestBudget budget;

	private final SlackProperties properties;

	private final OutboundRetry retry;

	private final Scheduler scheduler;

	private final SlackMetrics metrics;

	SlackClient(Tenant tenant, Slack slack, SlackTokens tokens, RequestBudget budget, SlackProperties properties,
			Scheduler scheduler, SlackMetrics metrics) {
		this.tenant = tenant;
		this.slack = slack;
		this.tokens = tokens;
		this.budget = budget;
		this.properties = properties;
		this.retry = new OutboundRetry(properties.maxRetries(), OutboundRetry.DEFAULT.firstBackoff(),
				OutboundRetry.DEFAULT.maxBackoff(), OutboundRetry.DEFAULT.maxRetryAfter());
		this.scheduler = scheduler;
		this.metrics = metrics;
	}

	/**
	 * The tenant this client posts for.
	 * @return the tenant id
	 */
	public String tenant() {
		return this.tenant.id();
	}

	/**
	 * Posts a message ({@code chat.postMessage}), in a thread when it has a
	 * {@code threadTs}.
	 * @param message the message
	 * @return the posted message's {@code channel} and {@code ts}; store both
	 */
	public Mono<PostedMessage> post(SlackMessage message) {
		ChatPostMessageRequest request = ChatPostMessageRequest.builder()
			.channel(message.channel())
			.text(message.text())
			.blocks(message.blocks())
			.threadTs(message.threadTs())
			.metadata(metadata(message.metadata()))
			.unfurlLinks(false)
			.unfurlMedia(false)
			.build();
		return call(SlackMethod.CHAT_POST_MESSAGE, message.channel(), (methods) -> methods.chatPostMessage(request))
			.map((response) -> new PostedMessage(response.getChannel(), response.getTs(), message.threadTs()));
	}

	/**
	 * Replaces a message the app posted ({@code chat.update}). Blocks {@code null} keep
	 * the message's blocks, an empty list removes them.
	 * @param posted the message to change
	 * @param message the new content; its channel must be the posted message's
	 * @return the updated message
	 */
	public Mono<PostedMessage> update(PostedMessage posted, SlackMessage message) {
		if (!posted.channel().equals(message.channel())) {
			return Mono.error(new IllegalArgumentException("chat.update keeps a message in its channel "
					+ posted.channel() + "; cannot move it to " + message.channel()));
		}
		ChatUpdateRequest request = ChatUpdateRequest.builder()
			.channel(posted.channel())
			.ts(posted.ts())
			.text(message.text())
			.blocks(message.blocks())
			.metadata(metadata(message.metadata()))
			.build();
		return call(SlackMethod.CHAT_UPDATE, null, (methods) -> methods.chatUpdate(request))
			.map((response) -> new PostedMessage(response.getChannel(), response.getTs(), posted.threadTs()));
	}

	/**
	 * Who a user is ({@code users.info}), to name who acted.
	 * @param userId the user id
	 * @return the user
	 */
	public Mono<SlackUser> user(String userId) {
		UsersInfoRequest request = UsersInfoRequest.builder().user(userId).build();
		return call(SlackMethod.USERS_INFO, null, (methods) -> methods.usersInfo(request)).map((response) -> {
			com.slack.api.model.User user = response.getUser();
			String displayName = (user.getProfile() != null) ? user.getProfile().getDisplayName() : null;
			return new SlackUser(user.getId(), user.getName(), user.getRealName(), displayName);
		});
	}

	/**
	 * A channel ({@code conversations.info}): does it exist, is the bot in it, is it
	 * archived.
	 * @param channelId the channel id
	 * @return the channel
	 */
	public Mono<SlackChannel> channel(String channelId) {
		ConversationsInfoRequest request = ConversationsInfoRequest.builder().channel(channelId).build();
		return call(SlackMethod.CONVERSATIONS_INFO, null, (methods) -> methods.conversationsInfo(request))
			.map((response) -> new SlackChannel(response.getChannel().getId(), response.getChannel().getName(),
					response.getChannel().isMember(), response.getChannel().isArchived()));
	}

	/**
	 * What the bot token is ({@code auth.test}).
	 * @return the workspace and bot
	 */
	public Mono<SlackIdentity> authTest() {
		return call(SlackMethod.AUTH_TEST, null, (methods) -> methods.authTest(AuthTestRequest.builder().build()))
			.map((AuthTestResponse response) -> new SlackIdentity(response.getTeamId(), response.getTeam(),
					response.getUserId(), response.getBotId(), response.getUrl()));
	}

	/**
	 * Replies through a command's or button's {@code response_url} (JSON, no token: the
	 * URL is the credential). A URL works at most 5 times within 30 minutes [SDK]; a
	 * refused one fails with {@link SlackApiException} {@code response_url_refused}.
	 * @param responseUrl the URL Slack sent with the command or click
	 * @param reply the reply
	 * @return completes when Slack accepted it
	 */
	public Mono<Void> respond(URI responseUrl, SlackReply reply) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("response_type", reply.responseType().wire());
		body.put("text", reply.text());
		if (reply.blocks() != null) {
			body.put("blocks", reply.blocks());
		}
		body.put("replace_original", reply.replaceOriginal());
		body.put("delete_original", reply.deleteOriginal());
		String json = GsonFactory.createSnakeCase().toJson(body);
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return Mono.fromCallable(() -> respond(responseUrl, json, started)).subscribeOn(this.scheduler);
		}).retryWhen(this.retry.toRetry()).then();
	}

	private WebhookResponse respond(URI responseUrl, String json, long started) {
		WebhookResponse response;
		try {
			response = this.slack.send(responseUrl.toString(), json);
		}
		catch (IOException ex) {
			this.metrics.record("response_url", "io_error", started);
			throw new RetryAfterException(
					"Slack (tenant " + this.tenant.id() + "): no answer from the response_url: " + ex.getMessage(),
					null, ex);
		}
		int code = response.getCode();
		this.metrics.record("response_url", (code / 100 == 2) ? "ok" : "http_" + code, started);
		if (code == 429 || code >= 500) {
			throw new RetryAfterException(
					"Slack (tenant " + this.tenant.id() + ") answered " + code + " to a response_url",
					retryAfter(response.getHeaders()));
		}
		if (code / 100 != 2) {
			throw new SlackApiException(this.tenant.id(), "response_url", "response_url_refused",
					"HTTP " + code + ((response.getBody() != null) ? ": " + response.getBody() : ""));
		}
		return response;
	}

	private static Message.Metadata metadata(SlackMetadata metadata) {
		return (metadata != null) ? new Message.Metadata(metadata.eventType(), new LinkedHashMap<>(metadata.payload()))
				: null;
	}

	/**
	 * One Web API call: budgets, the SDK call off the event loop, retries, {@code ok}.
	 */
	private <T extends SlackApiTextResponse> Mono<T> call(SlackMethod method, String channel, SdkCall<T> call) {
		List<Budget> budgets = budgets(method, channel);
		return Mono
			.defer(() -> Mono.fromCallable(() -> this.tokens.botToken(this.tenant, method.method()))
				.subscribeOn(this.scheduler)
				.flatMap((token) -> Flux.fromIterable(budgets)
					.concatMap((budget) -> this.budget.acquire(budget.name(), budget.limit()))
					.then(Mono.fromCallable(() -> execute(method, token, call)).subscribeOn(this.scheduler))))
			.retryWhen(this.retry.toRetry());
	}

	private <T extends SlackApiTextResponse> T execute(SlackMethod method, Secret token, SdkCall<T> call) {
		long started = System.nanoTime();
		T response;
		try {
			response = call.call(this.slack.methods(token.value()));
		}
		catch (com.slack.api.methods.SlackApiException ex) {
			int status = ex.getResponse().code();
			this.metrics.record(method.method(), "http_" + status, started);
			if (status == 429 || status >= 500) {
				throw new RetryAfterException(
						"Slack (tenant " + this.tenant.id() + ") answered " + status + " to " + method,
						retryAfter(ex.getResponse().headers().toMultimap()));
			}
			throw new SlackApiException(this.tenant.id(), method.method(), "http_" + status, ex.getResponseBody());
		}
		catch (InterruptedIOException ex) {
			this.metrics.record(method.method(), "timeout", started);
			if (method == SlackMethod.CHAT_POST_MESSAGE) {
				throw new SlackApiException(this.tenant.id(), method.method(), "outcome_unknown",
						"no answer within " + this.properties.requestTimeout() + ": " + ex.getMessage());
			}
			throw new RetryAfterException("Slack (tenant " + this.tenant.id() + "): no answer to " + method + " within "
					+ this.properties.requestTimeout(), null, ex);
		}
		catch (IOException ex) {
			this.metrics.record(method.method(), "io_error", started);
			throw new RetryAfterException(
					"Slack (tenant " + this.tenant.id() + "): " + method + " failed: " + ex.getMessage(), null, ex);
		}
		if (response.isOk()) {
			this.metrics.record(method.method(), "ok", started);
			return response;
		}
		String error = (response.getError() != null) ? response.getError() : "unknown_error";
		this.metrics.record(method.method(), error, started);
		SlackErrorKind kind = SlackErrorKind.of(error);
		if (kind.retryable()) {
			throw new RetryAfterException("Slack (tenant " + this.tenant.id() + ") answered " + error + " to " + method,
					retryAfter(response.getHttpResponseHeaders()));
		}
		if (kind == SlackErrorKind.CREDENTIALS) {
			this.tokens.refused(this.tenant, token, error);
		}
		throw new SlackApiException(this.tenant.id(), method.method(), error,
				(response.getNeeded() != null) ? "needed: " + response.getNeeded() : null);
	}

	private List<Budget> budgets(SlackMethod method, String channel) {
		String workspace = "slack:" + this.tenant.id() + ":";
		Duration window = this.properties.tierWindow();
		List<Budget> budgets = new ArrayList<>(2);
		switch (method.tier()) {
			case POST_MESSAGE -> {
				// the channel's pace last, right before the message goes: it is the
				// tighter limit, so no other round trip comes between its permit and
				// the request
				budgets.add(new Budget(workspace + method.method(),
						new RateLimit(this.properties.postMessagesPerMinute(), window)));
				budgets.add(new Budget(workspace + method.method() + ":" + channel,
						new RateLimit(this.properties.messagesPerChannel(), this.properties.channelWindow())));
			}
			case TIER_2 -> budgets
				.add(new Budget(workspace + method.method(), new RateLimit(this.properties.tier2PerMinute(), window)));
			case TIER_3 -> budgets
				.add(new Budget(workspace + method.method(), new RateLimit(this.properties.tier3PerMinute(), window)));
			case TIER_4 -> budgets
				.add(new Budget(workspace + method.method(), new RateLimit(this.properties.tier4PerMinute(), window)));
		}
		return budgets;
	}

	static Duration retryAfter(Map<String, List<String>> headers) {
		if (headers == null) {
			return null;
		}
		for (Map.Entry<String, List<String>> header : headers.entrySet()) {
			if ("retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
				try {
					return Duration.ofSeconds(Math.max(0, Long.parseLong(header.getValue().get(0).trim())));
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private record Budget(String name, RateLimit limit) {

	}

	@FunctionalInterface
	private interface SdkCall<T> {

		T call(MethodsClient methods) throws IOException, com.slack.api.methods.SlackApiException;

	}

}
