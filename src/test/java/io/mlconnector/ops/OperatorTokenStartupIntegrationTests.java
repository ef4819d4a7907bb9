package io.mlconnector.ops;

import io.mlconnector.MlConnectorApplication;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

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

	@Test
	void anOperatorTokenShorterThan32BytesIsRefusedAtStartUp(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> application().run("--mlc.ops.token=short-but-set"))
			.havingRootCause()
			.isInstanceOf(UnsafeConfigurationException.class)
			.withMessageContaining("MLC_OPS_TOKEN (mlc.ops.token) is shorter than 32 bytes");
		assertThat(output).contains("APPLICATION FAILED TO START").contains("openssl rand -hex 32");
	}

	@Test
	void theSandboxsPublishedOperatorTokenAndKeyAreRefusedOutsideTheSandbox() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> application().run("--mlc.ops.token=sandbox-operator-token",
					"--mlc.secrets.key=sandbox:c2FuZGJveC1rZXktbm90LWEtc2VjcmV0LTMyYnl0ZXM="))
			.havingRootCause()
			.isInstanceOf(UnsafeConfigurationException.class)
			.withMessageContaining("MLC_OPS_TOKEN (mlc.ops.token) is a published sandbox value")
			.withMessageContaining("MLC_SECRET_KEY (mlc.secrets.key) is the sandbox's published key");
	}

	@Test
	void outsideTheSandboxTheServiceRefusesToStartWithoutATokenKey() {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> application().run("--mlc.secrets.key="))
			.havingRootCause()
			.withMessageContaining("MLC_SECRET_KEY");
	}

	@Test
	void theSandboxProfileNeverRunsTogetherWithProd() {
		assertThatExceptionOfType(Exception.class)
			// plain console logging: prod's JSON logging would stay on for later test
			// contexts
			.isThrownBy(() -> application().profiles("sandbox", "prod")
				.run("--server.port=0", "--logging.structured.format.console="))
			.havingRootCause()
			.isInstanceOf(UnsafeConfigurationException.class)
			.withMessageContaining("sandbox profile")
			.withMessageContaining("together with prod");
	}

	@Test
	void anOperatorTokenFromTheEnvironmentIsNeverPrinted(CapturedOutput output) {
		// the test credentials set MLC_OPS_TOKEN, as an operator would in the sandbox
		try (ConfigurableApplicationContext context = application().profiles("sandbox")
			.run("--server.port=0", "--mlc.inbox.dispatcher.enabled=false")) {
			assertThat(output).contains("the one set in MLC_OPS_TOKEN (not printed)")
				.doesNotContain(DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN);
		}
	}

	private static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(MlConnectorApplication.class).web(WebApplicationType.NONE);
	}

}
