/**
 * Tenant configuration: each tenant's connections to Gusto, IFS Cloud, Visma.net and
 * Slack and its mapping rules, as typed and validated records under {@code mlc.tenants}.
 */
package io.mlconnector.tenant;
