/**
 * Contract-faithful simulators of Gusto, IFS Cloud, Visma.net and Slack, active in the
 * {@code sandbox} profile only. Nothing outside this package may depend on it.
 */
package io.mlconnector.sandbox;
