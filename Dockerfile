# syntax=docker/dockerfile:1

# ---- Build stage: compile the application and split the Spring Boot jar into layers ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Wrapper and POM first, so these layers stay cached while only the sources change.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY db/ db/
COPY src/ src/

# The cache mount keeps the local Maven repository between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
	chmod +x mvnw && ./mvnw -B -DskipTests package

RUN java -Djarmode=tools -jar target/ml-connector-*.jar extract --layers --launcher --destination extracted

# ---- Runtime stage: JRE only, non-root, layered application ----
FROM eclipse-temurin:17-jre

RUN groupadd --system mlconnector \
	&& useradd --system --gid mlconnector --home-dir /app --no-create-home --shell /usr/sbin/nologin mlconnector

WORKDIR /app

# Least to most frequently changing, so dependency layers are reused between releases.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

# Optional tenant configuration is mounted here (see docker-compose.yml).
RUN mkdir -p /app/config && chown mlconnector:mlconnector /app/config

USER mlconnector

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"

EXPOSE 8080

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
