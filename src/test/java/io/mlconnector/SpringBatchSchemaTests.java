package io.mlconnector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class SpringBatchSchemaTests {

	@Test
	void theLiquibaseChangesetIsTheSchemaOfTheSpringBatchVersionInUse() throws IOException {
		String fromJar = new ClassPathResource("org/springframework/batch/core/schema-mariadb.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		String changeset = Files.readString(Path.of("db/changelog/changes/001-spring-batch-6.0-schema-mariadb.sql"));
		assertThat(changeset)
			.as("Spring Batch's schema-mariadb.sql changed: add a changeset with Batch's migration script "
					+ "for the new version instead of editing changeset 001")
			.isEqualTo(fromJar);
	}

}
