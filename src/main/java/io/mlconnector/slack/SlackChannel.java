package io.mlconnector.slack;

/**
 * A channel, from {@code conversations.info}.
 *
 * @param id the channel id
 * @param name the channel name
 * @param member whether the bot is a member (needed to post without
 * {@code chat:write.public})
 * @param archived whether the channel is archived (posting fails with
 * {@code is_archived})
 */
public record SlackChannel(String id, String name, boolean member, boolean archived) {

}
