package io.mlconnector;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Stops start-up with a clear message when no database is configured, instead of a
 * connection-pool error deep inside the context. Runs after all configuration is loaded.
 */
class DatabaseSettingsCheck implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = datasourceUrl(environment);
		if (!StringUtils.hasText(url)) {
			throw new IllegalStateException("No database configured: set DB_URL (for example "
					+ "jdbc:mariadb://db.example.com:3306/mlconnector), DB_USER and DB_PASSWORD. "
					+ "For a local run with an embedded MariaDB use ./mvnw spring-boot:run instead.");
		}
		if (StringUtils.hasText(url) && !url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
			throw new IllegalStateException(
					"DB_URL (spring.datasource.url) must be a MariaDB JDBC URL (jdbc:mariadb://host:3306/database), but starts with '"
							+ url.substring(0, Math.min(url.length(), 16)) + "'");
		}
	}

	private static String datasourceUrl(ConfigurableEnvironment environment) {
		try {
			// application.yml says ${DB_URL}; SPRING_DATASOURCE_URL would override it
			return environment.getProperty("spring.datasource.url");
		}
		catch (IllegalArgumentException ex) {
			// the ${DB_URL} placeholder cannot be resolved
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
