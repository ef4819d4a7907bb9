package io.mlconnector.slack;

/**
 * Who acted, from {@code users.info}.
 *
 * @param id the user id ({@code U...})
 * @param name the user name (handle)
 * @param realName the full name, or {@code null}
 * @param displayName the display name from the profile, or {@code null}
 */
public record SlackUser(String id, String name, String realName, String displayName) {

	/**
	 * The name to show in a message or the audit trail: the display name, else the real
	 * name, else the handle.
	 * @return the name
	 */
	public String shownName() {
		if (this.displayName != null && !this.displayName.isBlank()) {
			return this.displayName;
		}
		return (this.realName != null && !this.realName.isBlank()) ? this.realName : this.name;
	}

}
