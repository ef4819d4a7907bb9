package io.mlconnector.audit;

/**
 * How an audited action ended.
 */
public enum AuditOutcome {

	/** The action was carried out. */
	SUCCESS,

	/** The action was attempted and failed. */
	FAILURE,

	/**
	 * The request was refused before anything was done (bad signature, no permission).
	 */
	REJECTED

}
