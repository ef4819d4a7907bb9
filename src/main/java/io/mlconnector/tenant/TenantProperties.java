package io.mlconnector.tenant;

import java.time.ZoneId;
import java.util.Currency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One tenant: a company whose Gusto, IFS Cloud, Visma.net and Slack ml-connector keeps
 * consistent. A connection that is left out is not used; the flows that need it are off
 * for the tenant.
 *
 * @param displayName name shown in Slack messages, reports and the operator API
 * @param enabled whether schedules and webhooks act for this tenant; a disabled tenant's
 * webhooks are stored as IGNORED
 * @param timeZone the tenant's business time zone, used for pay-cycle schedules and
 * business dates (IANA id, for example {@code America/Chicago})
 * @param currency ISO 4217 currency of the payroll and the ledger (for example
 * {@code USD})
 * @param gusto the Gusto connection (source of payroll and people)
 * @param ifs the IFS Cloud connection (ledger, resources, invoices, purchase orders)
 * @param visma the Visma.net ERP connection (employees)
 * @param slack the Slack workspace (notifications and approvals)
 * @param mapping how Gusto data maps onto IFS and Visma codes
 */
public record TenantProperties(@NotBlank(message = "give the tenant a display-name") String displayName,
		@DefaultValue("true") boolean enabled,
		@NotNull(message = "set the tenant's time-zone to an IANA zone id such as America/Chicago") ZoneId timeZone,
		@NotNull(message = "set the tenant's currency to an ISO 4217 code such as USD") Currency currency,
		@Valid GustoConnection gusto, @Valid IfsConnection ifs, @Valid VismaConnection visma,
		@Valid SlackConnection slack, @Valid @DefaultValue MappingRules mapping) {

}
