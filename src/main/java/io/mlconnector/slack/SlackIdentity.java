package io.mlconnector.slack;

/**
 * What {@code auth.test} says about the bot token.
 *
 * @param teamId the workspace id
 * @param team the workspace name
 * @param userId the bot user's id
 * @param botId the bot id
 * @param url the workspace URL
 */
public record SlackIdentity(String teamId, String team, String userId, String botId, String url) {

}
