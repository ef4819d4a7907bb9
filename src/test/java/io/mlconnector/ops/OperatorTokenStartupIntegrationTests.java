package io.mlconnector.ops;

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
class OperatorTokenStartupIntegrationTests {

	@Test
	void outsideTheSandboxTheServiceRefusesToStartWithoutAnOperatorToken(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(MlConnectorApplication.class)
			.web(WebApplicationType.NONE);
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> application.run("--mlc.ops.token="))
			.havingRootCause()
			.isInstanceOf(MissingOperatorTokenException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No operator token is configured: set MLC_OPS_TOKEN")
			.contains("Set MLC_OPS_TOKEN to a long random value");
	}

}
