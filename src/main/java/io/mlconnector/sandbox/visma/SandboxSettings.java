package io.mlconnector.sandbox.visma;

/**
 * The settings tests change at run time ({@code POST /sandbox/visma/_admin/settings});
 * reset restores the configured ones.
 */
final class SandboxSettings {

	private final VismaSandboxProperties properties;

	private volatile int maxPageSize;

	private volatile int defaultPageSize;

	private volatile boolean retryAfter;

	SandboxSettings(VismaSandboxProperties properties) {
		this.properties = properties;
		reset();
	}

	void reset() {
		this.maxPageSize = this.properties.maxPageSize();
		this.defaultPageSize = this.properties.defaultPageSize();
		this.retryAfter = this.properties.retryAfter();
	}

	int maxPageSize() {
		return this.maxPageSize;
	}

	void maxPageSize(int maxPageSize) {
		this.maxPageSize = maxPageSize;
	}

	int defaultPageSize() {
		return this.defaultPageSize;
	}

	void defaultPageSize(int defaultPageSize) {
		this.defaultPageSize = defaultPageSize;
	}

	boolean retryAfter() {
		return this.retryAfter;
	}

	void retryAfter(boolean retryAfter) {
		this.retryAfter = retryAfter;
	}

}
