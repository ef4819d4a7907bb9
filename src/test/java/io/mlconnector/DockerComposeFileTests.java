package io.mlconnector;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@code docker-compose.yml} and the files it mounts (Dockerfile, Prometheus
 * and Grafana configuration) fit together, without needing a container engine.
 */
class DockerComposeFileTests {

	private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");

	private static final String PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml";

	private static final String GRAFANA_PROVISIONING = "/etc/grafana/provisioning";

	private static final String GRAFANA_DASHBOARDS = "/var/lib/grafana/dashboards";

	private Map<String, Object> compose;

	@BeforeEach
	void loadComposeFile() throws IOException {
		assertThat(COMPOSE_FILE).isRegularFile();
		this.compose = loadYaml(COMPOSE_FILE);
	}

	@Test
	void composeDefinesMariadbMlConnectorPrometheusAndGrafana() {
		assertThat(services()).containsKeys("mariadb", "ml-connector", "prometheus", "grafana");
	}

	@Test
	void mariadbUsesTheOfficialImageWithAHealthcheckAndAPersistentVolume() {
		Map<String, Object> mariadb = service("mariadb");
		assertThat((String) mariadb.get("image")).startsWith("mariadb:");
		Map<String, Object> healthcheck = map(mariadb.get("healthcheck"));
		assertThat(healthcheck.get("test")).isNotNull();
		assertThat(healthcheck).containsKeys("interval", "timeout", "retries");
		List<Mount> mounts = mounts(mariadb);
		assertThat(mounts).anySatisfy((mount) -> assertThat(mount.target()).isEqualTo("/var/lib/mysql"));
		for (Mount mount : mounts) {
			if (mount.isNamedVolume()) {
				assertThat(map(this.compose.get("volumes"))).as("named volume %s", mount.source())
					.containsKey(mount.source());
			}
		}
	}

	@Test
	void mlConnectorIsBuiltFromADockerfileThatExists() throws IOException {
		Object build = service("ml-connector").get("build");
		assertThat(build).isNotNull();
		Path context;
		String dockerfile = "Dockerfile";
		if (build instanceof String path) {
			context = Path.of(path);
		}
		else {
			Map<String, Object> settings = map(build);
			context = Path.of((String) settings.getOrDefault("context", "."));
			dockerfile = (String) settings.getOrDefault("dockerfile", dockerfile);
		}
		Path dockerfilePath = context.resolve(dockerfile);
		assertThat(dockerfilePath).isRegularFile();
		assertThat(Files.readString(dockerfilePath)).contains("EXPOSE 8080");
	}

	@Test
	void mlConnectorWaitsForMariadbToBeHealthy() {
		Object dependsOn = service("ml-connector").get("depends_on");
		assertThat(dependsOn).isInstanceOf(Map.class);
		assertThat(map(map(dependsOn).get("mariadb"))).containsEntry("condition", "service_healthy");
	}

	@Test
	void mlConnectorPublishesPort8080() {
		assertThat(containerPorts(service("ml-connector"))).contains("8080");
	}

	@Test
	void mlConnectorEnvironmentConfiguresTheMariadbServiceAndTheProdProfile() {
		Map<String, String> environment = environment(service("ml-connector"));
		Map<String, String> mariadb = environment(service("mariadb"));
		assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
		assertThat(environment.get("DB_URL")).startsWith("jdbc:mariadb://mariadb:3306/")
			.endsWith("/" + mariadb.get("MARIADB_DATABASE"));
		assertThat(environment).containsEntry("DB_USER", mariadb.get("MARIADB_USER"));
		assertThat(environment).containsEntry("DB_PASSWORD", mariadb.get("MARIADB_PASSWORD"));
	}

	@Test
	void mlConnectorSecretsComeFromTheEnvironmentAndAreRequired() {
		Map<String, String> environment = environment(service("ml-connector"));
		for (String secret : List.of("MLC_SECRET_KEY", "MLC_OPS_TOKEN")) {
			assertThat(environment.get(secret)).as(secret).startsWith("${" + secret + ":?");
		}
	}

	@Test
	void prometheusScrapesTheMlConnectorActuatorEndpoint() throws IOException {
		Path config = hostPathMountedAt(service("prometheus"), PROMETHEUS_CONFIG);
		assertThat(config).isRegularFile();
		List<Object> scrapeConfigs = list(loadYaml(config).get("scrape_configs"));
		assertThat(scrapeConfigs).anySatisfy((scrapeConfig) -> {
			Map<String, Object> job = map(scrapeConfig);
			assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
			List<Object> targets = new ArrayList<>();
			for (Object staticConfig : list(job.get("static_configs"))) {
				targets.addAll(list(map(staticConfig).get("targets")));
			}
			// the management port, internal to the compose network and open to Prometheus
			assertThat(targets).contains("ml-connector:8081");
		});
		Map<String, String> environment = environment(service("ml-connector"));
		assertThat(environment).containsEntry("MANAGEMENT_SERVER_PORT", "8081")
			.containsEntry("MLC_OPS_PROMETHEUS_OPEN", "true");
		assertThat(containerPorts(service("ml-connector"))).doesNotContain("8081");
	}

	@Test
	void prometheusAndGrafanaAreBoundToLoopbackByDefault() {
		for (String name : List.of("prometheus", "grafana")) {
			for (Object port : list(service(name).get("ports"))) {
				assertThat(String.valueOf(port)).as(name).startsWith("${MONITORING_BIND:-127.0.0.1}:");
			}
		}
	}

	@Test
	void grafanaHasNoDefaultAdminPassword() {
		assertThat(environment(service("grafana")).get("GF_SECURITY_ADMIN_PASSWORD"))
			.startsWith("${GRAFANA_ADMIN_PASSWORD:?");
	}

	@Test
	void anOptionalTlsProxyTerminatesHttpsInFrontOfMlConnector() throws IOException {
		Map<String, Object> proxy = service("tls-proxy");
		assertThat(list(proxy.get("profiles"))).containsExactly("tls");
		assertThat(containerPorts(proxy)).contains("443");
		Path caddyfile = hostPathMountedAt(proxy, "/etc/caddy/Caddyfile");
		assertThat(caddyfile).isRegularFile();
		assertThat(Files.readString(caddyfile)).contains("{$MLC_PUBLIC_HOST}")
			.contains("reverse_proxy ml-connector:8080");
	}

	@Test
	void grafanaProvisioningAndDashboardDirectoriesExist() {
		Map<String, Object> grafana = service("grafana");
		assertThat(hostPathMountedAt(grafana, GRAFANA_PROVISIONING)).isDirectory();
		assertThat(hostPathMountedAt(grafana, GRAFANA_DASHBOARDS)).isDirectory();
	}

	@Test
	void grafanaDatasourcePointsAtThePrometheusService() throws IOException {
		Path datasources = hostPathMountedAt(service("grafana"), GRAFANA_PROVISIONING).resolve("datasources");
		List<Object> definitions = new ArrayList<>();
		for (Path file : yamlFiles(datasources)) {
			definitions.addAll(list(loadYaml(file).get("datasources")));
		}
		assertThat(definitions).anySatisfy((definition) -> {
			Map<String, Object> datasource = map(definition);
			assertThat(datasource).containsEntry("type", "prometheus");
			assertThat(datasource).containsEntry("uid", "prometheus");
			assertThat(datasource).containsEntry("url", "http://prometheus:9090");
		});
		assertThat(containerPorts(service("prometheus"))).contains("9090");
	}

	@Test
	void grafanaDashboardProviderReadsTheMountedDashboardsDirectory() throws IOException {
		Path dashboards = hostPathMountedAt(service("grafana"), GRAFANA_PROVISIONING).resolve("dashboards");
		List<Object> providers = new ArrayList<>();
		for (Path file : yamlFiles(dashboards)) {
			providers.addAll(list(loadYaml(file).get("providers")));
		}
		assertThat(providers).anySatisfy((provider) -> {
			Map<String, Object> options = map(map(provider).get("options"));
			assertThat(options).containsEntry("path", GRAFANA_DASHBOARDS);
		});
	}

	@Test
	void everyDashboardParsesAndQueriesThePrometheusDatasource() throws IOException {
		Path directory = hostPathMountedAt(service("grafana"), GRAFANA_DASHBOARDS);
		assertThat(directory).isDirectory();
		List<Path> dashboards;
		try (Stream<Path> files = Files.list(directory)) {
			dashboards = files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(dashboards).isNotEmpty();
		JsonMapper mapper = new JsonMapper();
		for (Path dashboard : dashboards) {
			JsonNode root = mapper.readTree(dashboard);
			assertThat(root.path("uid").asString()).as("uid of %s", dashboard).isNotBlank();
			List<JsonNode> targets = new ArrayList<>();
			collectTargets(root.path("panels"), targets);
			assertThat(targets).as("queries of %s", dashboard).isNotEmpty();
			for (JsonNode target : targets) {
				assertThat(target.path("datasource").path("uid").asString())
					.as("datasource of %s in %s", target.path("expr").asString(), dashboard)
					.isEqualTo("prometheus");
				assertThat(target.path("expr").asString()).as("query in %s", dashboard).isNotBlank();
			}
		}
	}

	@Test
	void everyBindMountedHostPathExists() {
		services().forEach((name, definition) -> {
			for (Mount mount : mounts(map(definition))) {
				if (mount.isBind() && mount.source().startsWith(".")) {
					assertThat(Path.of(mount.source())).as("%s mounts %s", name, mount.source()).exists();
				}
			}
		});
	}

	private Map<String, Object> services() {
		return map(this.compose.get("services"));
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> services = services();
		assertThat(services).containsKey(name);
		return map(services.get(name));
	}

	private Path hostPathMountedAt(Map<String, Object> service, String target) {
		for (Mount mount : mounts(service)) {
			if (mount.isBind() && mount.target().equals(target)) {
				return Path.of(mount.source());
			}
		}
		throw new AssertionError("No bind mount at " + target);
	}

	private static void collectTargets(JsonNode panels, List<JsonNode> targets) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				targets.add(target);
			}
			collectTargets(panel.path("panels"), targets);
		}
	}

	private static List<Mount> mounts(Map<String, Object> service) {
		List<Mount> mounts = new ArrayList<>();
		for (Object volume : list(service.get("volumes"))) {
			if (volume instanceof String shortSyntax) {
				String[] parts = shortSyntax.split(":");
				if (parts.length == 1) {
					mounts.add(new Mount("volume", null, parts[0]));
				}
				else {
					String type = (parts[0].startsWith(".") || parts[0].startsWith("/") || parts[0].startsWith("~"))
							? "bind" : "volume";
					mounts.add(new Mount(type, parts[0], parts[1]));
				}
			}
			else {
				Map<String, Object> longSyntax = map(volume);
				mounts.add(new Mount((String) longSyntax.get("type"), (String) longSyntax.get("source"),
						(String) longSyntax.get("target")));
			}
		}
		return mounts;
	}

	private static List<String> containerPorts(Map<String, Object> service) {
		List<String> ports = new ArrayList<>();
		for (Object port : list(service.get("ports"))) {
			if (port instanceof Map<?, ?> longSyntax) {
				ports.add(String.valueOf(longSyntax.get("target")));
			}
			else {
				String shortSyntax = String.valueOf(port);
				String container = shortSyntax.substring(shortSyntax.lastIndexOf(':') + 1);
				ports.add(container.replaceFirst("/.*$", ""));
			}
		}
		return ports;
	}

	private static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object definition = service.get("environment");
		if (definition instanceof Map<?, ?> entries) {
			entries.forEach((name, value) -> environment.put(String.valueOf(name), String.valueOf(value)));
		}
		else {
			for (Object entry : list(definition)) {
				String[] nameAndValue = String.valueOf(entry).split("=", 2);
				environment.put(nameAndValue[0], (nameAndValue.length > 1) ? nameAndValue[1] : null);
			}
		}
		return environment;
	}

	private static List<Path> yamlFiles(Path directory) throws IOException {
		assertThat(directory).isDirectory();
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> yamlFiles = files
				.filter((file) -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
				.sorted()
				.toList();
			assertThat(yamlFiles).as("YAML files in %s", directory).isNotEmpty();
			return yamlFiles;
		}
	}

	private static Map<String, Object> loadYaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			Object document = new Yaml().load(reader);
			assertThat(document).as("YAML document %s", file).isInstanceOf(Map.class);
			return map(document);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		if (value == null) {
			return List.of();
		}
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

	/**
	 * One entry of a service's {@code volumes}, in short ({@code ./host:/container:ro})
	 * or long syntax. A short-syntax source that is a host path makes a bind mount.
	 */
	private record Mount(String type, String source, String target) {

		boolean isBind() {
			return "bind".equals(this.type) && this.source != null;
		}

		boolean isNamedVolume() {
			return "volume".equals(this.type) && this.source != null;
		}

	}

}
