package io.mlconnector.tenant;

import io.mlconnector.MlConnectorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class MisconfiguredTenantStartupIntegrationTests {

	@Test
	void startUpStopsWithAReportThatNamesEachKeyAndItsFix(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(MlConnectorApplication.class)
			.web(WebApplicationType.NONE)
			.properties("mlc.tenants.acme.display-name=Acme", "mlc.tenants.acme.time-zone=America/Chicago",
					"mlc.tenants.acme.currency=USD", "mlc.tenants.acme.ifs.base-url=https://acme.ifs.cloud",
					"mlc.tenants.acme.ifs.client-id=ifs-client", "mlc.tenants.acme.ifs.company=10",
					"mlc.tenants.acme.ifs.realm=acme");
		assertThatExceptionOfType(Exception.class).isThrownBy(application::run)
			.havingRootCause()
			.isInstanceOf(InvalidTenantConfigurationException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The tenant configuration is invalid:")
			.contains("mlc.tenants.acme.ifs.client-secret: set the IAM client secret from an environment variable")
			.contains("Fix the keys above in application.yml, config/tenants.yml or the environment");
	}

}
