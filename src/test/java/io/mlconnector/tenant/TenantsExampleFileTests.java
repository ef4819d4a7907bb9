package io.mlconnector.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

class TenantsExampleFileTests {

	@Test
	void theExampleTenantFileIsValidOnceItsSecretsAreSet() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(Config.class)
			.withInitializer((context) -> context.getEnvironment().getPropertySources().addLast(exampleFile()))
			.withPropertyValues("ACME_GUSTO_CLIENT_ID=id", "ACME_GUSTO_CLIENT_SECRET=secret",
					"ACME_IFS_CLIENT_SECRET=secret", "ACME_VISMA_CLIENT_ID=id", "ACME_VISMA_CLIENT_SECRET=secret",
					"ACME_SLACK_BOT_TOKEN=token", "ACME_SLACK_SIGNING_SECRET=secret")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Tenant acme = context.getBean(Tenants.class).require("acme");
				assertThat(acme.ifs().orElseThrow().entitySets().voucher().path())
					.isEqualTo("VoucherHandling.svc/VoucherSet");
				assertThat(acme.mapping().allocation().costCenterByDepartment()).containsEntry("Customer Success",
						"CC-300");
			});
	}

	private static PropertySource<?> exampleFile() {
		try {
			return new YamlPropertySourceLoader()
				.load("tenants.example.yml", new FileSystemResource("config/tenants.example.yml"))
				.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Import(TenantConfiguration.class)
	static class Config {

	}

}
