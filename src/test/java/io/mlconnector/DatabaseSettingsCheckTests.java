package io.mlconnector;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DatabaseSettingsCheckTests {

	private final DatabaseSettingsCheck check = new DatabaseSettingsCheck();

	private final SpringApplication application = new SpringApplication(MlConnectorApplication.class);

	@Test
	void startUpWithoutDbUrlStopsWithTheVariablesToSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "${DB_URL}");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.check.postProcessEnvironment(environment, this.application))
			.withMessageContaining("set DB_URL")
			.withMessageContaining("DB_USER and DB_PASSWORD")
			.withMessageContaining("./mvnw spring-boot:run");
	}

	@Test
	void aDbUrlForAnotherDatabaseIsRefused() {
		MockEnvironment environment = new MockEnvironment().withProperty("DB_URL", "jdbc:postgresql://db/mlc")
			.withProperty("spring.datasource.url", "${DB_URL}");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.check.postProcessEnvironment(environment, this.application))
			.withMessageContaining("must be a MariaDB JDBC URL");
	}

	@Test
	void aMariaDbUrlPasses() {
		MockEnvironment environment = new MockEnvironment().withProperty("DB_URL", "jdbc:mariadb://db:3306/mlc")
			.withProperty("spring.datasource.url", "${DB_URL}");
		assertThatNoException().isThrownBy(() -> this.check.postProcessEnvironment(environment, this.application));
	}

}
