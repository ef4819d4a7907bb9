package io.mlconnector.tenant;

import java.time.ZoneId;
import java.util.Currency;

import io.mlconnector.secrets.Secret;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class TenantsPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	private static final String[] COMPLETE_TENANT = { "mlc.tenants.acme.display-name=Acme Inc",
			"mlc.tenants.acme.time-zone=America/Chicago", "mlc.tenants.acme.currency=USD",
			"mlc.tenants.acme.gusto.client-id=gusto-client", "mlc.tenants.acme.gusto.client-secret=gusto-secret",
			"mlc.tenants.acme.gusto.company-uuid=c0ffee00-0000-4000-8000-000000000001",
			"mlc.tenants.acme.gusto.redirect-uri=https://mlc.acme.example/connect/gusto/callback",
			"mlc.tenants.acme.ifs.base-url=https://acme.ifs.cloud", "mlc.tenants.acme.ifs.realm=acme",
			"mlc.tenants.acme.ifs.client-id=ifs-client", "mlc.tenants.acme.ifs.client-secret=ifs-secret",
			"mlc.tenants.acme.ifs.company=10", "mlc.tenants.acme.mapping.accounts.GROSS_WAGES=7010",
			"mlc.tenants.acme.mapping.accounts.EMPLOYER_TAXES=7510",
			"mlc.tenants.acme.mapping.accounts.NET_PAY_LIABILITY=2910",
			"mlc.tenants.acme.mapping.accounts.TAX_LIABILITY=2710",
			"mlc.tenants.acme.mapping.cost-center-by-department.[Customer Success]=CC-300",
			"mlc.tenants.acme.slack.team-id=T0ACME", "mlc.tenants.acme.slack.bot-token=bot-token",
			"mlc.tenants.acme.slack.signing-secret=signing-secret",
			"mlc.tenants.acme.slack.channels.supplier-invoices=C0INVOICES" };

	@Test
	void aCompleteTenantBindsWithDefaultsForEverythingLeftOut() {
		this.runner.withPropertyValues(COMPLETE_TENANT).run((context) -> {
			assertThat(context).hasNotFailed();
			Tenant acme = context.getBean(Tenants.class).require("acme");
			assertThat(acme.properties().timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
			assertThat(acme.properties().currency()).isEqualTo(Currency.getInstance("USD"));
			assertThat(acme.enabled()).isTrue();
			GustoConnection gusto = acme.gusto().orElseThrow();
			assertThat(gusto.baseUrl()).hasToString("https://api.gusto.com");
			assertThat(gusto.apiVersion()).isEqualTo("2025-06-15");
			assertThat(gusto.requestsPerMinute()).isEqualTo(200);
			assertThat(gusto.clientSecret().value()).isEqualTo("gusto-secret");
			IfsConnection ifs = acme.ifs().orElseThrow();
			assertThat(ifs.servicePath()).isEqualTo("/main/ifsapplications/projection/v1");
			assertThat(ifs.maxPageSize()).isEqualTo(1000);
			assertThat(ifs.requestsPerMinute()).isEqualTo(1000);
			assertThat(ifs.entitySets().company().path()).isEqualTo("CompanyHandling.svc/CompanySet");
			assertThat(ifs.entitySets().purchaseOrder().path()).isEqualTo("PurchaseOrderHandling.svc/PurchaseOrderSet");
			assertThat(acme.visma()).isEmpty();
			assertThat(acme.mapping().payroll().voucherType()).isEqualTo("M");
			assertThat(acme.mapping().allocation().costCenterCodePart()).isEqualTo("CodeB");
			assertThat(acme.mapping().allocation().costCenterByDepartment()).containsEntry("Customer Success",
					"CC-300");
			assertThat(acme.mapping().payroll().accounts()).containsEntry(PayrollComponent.GROSS_WAGES, "7010");
			assertThat(acme.slack().orElseThrow().channels().supplierInvoices()).isEqualTo("C0INVOICES");
		});
	}

	@Test
	void secretsNeverShowInToString() {
		this.runner.withPropertyValues(COMPLETE_TENANT).run((context) -> {
			String rendered = context.getBean(TenantsProperties.class).toString();
			assertThat(rendered).doesNotContain("gusto-secret", "ifs-secret", "bot-token", "signing-secret")
				.contains("[redacted]");
		});
		assertThat(new Secret("s3cr3t").matches("s3cr3t")).isTrue();
		assertThat(new Secret("s3cr3t").matches("s3cr3T")).isFalse();
	}

	@Test
	void tenantsAreFoundByGustoCompanyAndSlackTeam() {
		this.runner.withPropertyValues(COMPLETE_TENANT).run((context) -> {
			Tenants tenants = context.getBean(Tenants.class);
			assertThat(tenants.findByGustoCompany("c0ffee00-0000-4000-8000-000000000001")).map(Tenant::id)
				.hasValue("acme");
			assertThat(tenants.findBySlackTeam("T0ACME")).map(Tenant::id).hasValue("acme");
			assertThat(tenants.findByGustoCompany("someone-else")).isEmpty();
		});
	}

	@Test
	void anUnknownTenantIsReportedWithTheFix() {
		this.runner.withPropertyValues(COMPLETE_TENANT).run((context) -> {
			Tenants tenants = context.getBean(Tenants.class);
			org.assertj.core.api.Assertions.assertThatExceptionOfType(UnknownTenantException.class)
				.isThrownBy(() -> tenants.require("globex"))
				.withMessageContaining("No tenant 'globex' is configured")
				.withMessageContaining("mlc.tenants");
		});
	}

	@Test
	void aMissingSecretStopsStartUpNamingTheKeyAndTheFix() {
		this.runner.withPropertyValues(COMPLETE_TENANT)
			.withPropertyValues("mlc.tenants.acme.gusto.client-secret=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"mlc.tenants.acme.gusto.client-secret: set the OAuth client secret from an environment variable"));
	}

	@Test
	void anIncompleteAccountMappingStopsStartUpNamingWhatIsMissing() {
		String[] withoutTaxLiability = java.util.Arrays.stream(COMPLETE_TENANT)
			.filter((property) -> !property.contains("TAX_LIABILITY"))
			.toArray(String[]::new);
		this.runner.withPropertyValues(withoutTaxLiability)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mlc.tenants.acme.mapping.accounts: Gusto and IFS are both configured")
				.hasMessageContaining("map [TAX_LIABILITY] to IFS GL accounts"));
	}

	@Test
	void aChannelNameInsteadOfAChannelIdIsRefused() {
		this.runner.withPropertyValues(COMPLETE_TENANT)
			.withPropertyValues("mlc.tenants.acme.slack.channels.supplier-invoices=#invoices")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mlc.tenants.acme.slack.channels.supplier-invoices: use the channel id")
				.hasMessageContaining("(was '#invoices')"));
	}

	@Test
	void badMappingValuesAreRefusedUnderTheFlatKeysTheyAreWrittenWith() {
		this.runner.withPropertyValues(COMPLETE_TENANT)
			.withPropertyValues("mlc.tenants.acme.mapping.cost-center-code-part=CodeZ",
					"mlc.tenants.acme.mapping.fiscal-year-start-month=13",
					"mlc.tenants.acme.mapping.visma-branch-by-location.loc-1= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mlc.tenants.acme.mapping.cost-center-code-part: "
						+ "mapping.cost-center-code-part must be one of CodeB to CodeJ (was 'CodeZ')")
				.hasMessageContaining("mlc.tenants.acme.mapping.fiscal-year-start-month: "
						+ "mapping.fiscal-year-start-month must be a month from 1 to 12 (was '13')")
				.hasMessageContaining("mlc.tenants.acme.mapping.visma-branch-by-location"));
	}

	@Test
	void anUnknownTimeZoneIsRefused() {
		this.runner.withPropertyValues(COMPLETE_TENANT)
			.withPropertyValues("mlc.tenants.acme.time-zone=Mars/Olympus")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("mlc.tenants.acme.time-zone"));
	}

	@Test
	void anIfsPageSizeAboveFiveThousandIsRefused() {
		this.runner.withPropertyValues(COMPLETE_TENANT)
			.withPropertyValues("mlc.tenants.acme.ifs.max-page-size=10000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"mlc.tenants.acme.ifs.max-page-size: must be less than or equal to 5000 (was '10000')"));
	}

	@Test
	void aVismaConnectionBindsWithItsDefaultsAndRefusesATenantIdThatIsNoUuid() {
		String[] visma = { "mlc.tenants.acme.visma.client-id=visma-client",
				"mlc.tenants.acme.visma.client-secret=visma-secret",
				"mlc.tenants.acme.visma.tenant-id=5b7c2a10-0d4e-4f7e-9a51-3c2b1a0f9e87" };
		this.runner.withPropertyValues(COMPLETE_TENANT).withPropertyValues(visma).run((context) -> {
			VismaConnection connection = context.getBean(Tenants.class).require("acme").visma().orElseThrow();
			assertThat(connection.baseUrl()).hasToString("https://api.finance.visma.net");
			assertThat(connection.requestsPerHour()).isEqualTo(5000);
			assertThat(connection.pageSize()).isEqualTo(100);
			assertThat(connection.ippCompanyId()).isNull();
		});
		this.runner.withPropertyValues(COMPLETE_TENANT)
			.withPropertyValues(visma)
			.withPropertyValues("mlc.tenants.acme.visma.tenant-id=Acme Company",
					"mlc.tenants.acme.visma.page-size=5000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("mlc.tenants.acme.visma.tenant-id: the company tenant id is a uuid")
				.hasMessageContaining("mlc.tenants.acme.visma.page-size: page-size is at most 1000"));
	}

	@Test
	void anInvalidTenantIdIsRefused() {
		this.runner
			.withPropertyValues("mlc.tenants.Acme_Inc.display-name=Acme", "mlc.tenants.Acme_Inc.time-zone=UTC",
					"mlc.tenants.Acme_Inc.currency=USD")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("tenant ids must be"));
	}

	@Test
	void twoTenantsWithTheSameGustoCompanyAreRefused() {
		String[] twice = java.util.stream.Stream
			.concat(java.util.Arrays.stream(COMPLETE_TENANT),
					java.util.Arrays.stream(COMPLETE_TENANT)
						.map((p) -> p.replace("mlc.tenants.acme.", "mlc.tenants.acme-two.")
							.replace("slack.team-id=T0ACME", "slack.team-id=T0ACME2")))
			.toArray(String[]::new);
		this.runner.withPropertyValues(twice)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("gusto.company-uuid 'c0ffee00-0000-4000-8000-000000000001'")
				.hasMessageContaining("more than one tenant"));
	}

	@Import(TenantConfiguration.class)
	static class Config {

	}

}
