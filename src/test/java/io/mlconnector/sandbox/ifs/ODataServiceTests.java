package io.mlconnector.sandbox.ifs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ODataServiceTests {

	private static final String ROOT = "http://sandbox/main/ifsapplications/projection/v1/";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock = Clock.fixed(Instant.parse("2025-01-31T12:00:00Z"), ZoneOffset.UTC);

	private ODataService service(Map<String, String> names) {
		return new ODataService(new SandboxStore(new SandboxModel(names), this.clock), this.json,
				() -> new ODataService.PagingSettings(2, 5000));
	}

	private ODataResponse get(ODataService service, String projection, String path, String query) {
		return service.handle(new ODataRequest("GET", ROOT + projection + ".svc/", projection, path,
				ODataRequest.parseQuery(query), Map.of(), new byte[0]));
	}

	private Map<String, Object> body(ODataResponse response) {
		return this.json.readValue(response.body(), new TypeReference<Map<String, Object>>() {
		});
	}

	@Test
	void configuredNamesReplaceTheSandboxDefaults() {
		ODataService service = service(Map.of("CodePartValuesHandling", "CostCentersHandling", "CodeBSet",
				"CostCenterSet", "CodeB", "CostCenter"));
		ODataResponse renamed = get(service, "CostCentersHandling", "CostCenterSet", "$filter=Company%20eq%20'10'");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(body(renamed).get("@odata.context"))
			.isEqualTo(ROOT + "CostCentersHandling.svc/$metadata#CostCenterSet");
		assertThat(get(service, "CodePartValuesHandling", "CodeBSet", null).status()).isEqualTo(404);
	}

	@Test
	void theSkipTokenResumesAfterTheLastRecordSentEvenWhenEarlierRecordsAreRemoved() {
		ODataService service = service(Map.of());
		Map<String, Object> first = body(get(service, "AccountsHandling", "AccountSet", "$filter=Company%20eq%20'10'"));
		assertThat((List<?>) first.get("value")).hasSize(2);
		String next = (String) first.get("@odata.nextLink");
		SandboxStore store = service.store();
		store.delete(store.find(store.model().accounts, List.of("10", "1930")));
		String query = next.substring(next.indexOf('?') + 1);
		Map<String, Object> second = body(get(service, "AccountsHandling", "AccountSet", query));
		List<Object> accounts = ((List<?>) second.get("value")).stream()
			.map((account) -> ((Map<?, ?>) account).get("Account"))
			.map(Object.class::cast)
			.toList();
		// 1930 and 2710 were on the first page; removing 1930 shifts nothing
		assertThat(accounts).containsExactly("2810", "2910");
	}

	@Test
	void orderbySkipTopSelectAndCountShapeTheCollection() {
		Map<String, Object> page = body(get(service(Map.of()), "AccountsHandling", "AccountSet",
				"$filter=Company%20eq%20'10'&$orderby=Account%20desc&$skip=2&$top=2&$select=Account&$count=true"));
		assertThat(page.get("@odata.count")).isEqualTo(8);
		assertThat(page).doesNotContainKey("@odata.nextLink");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> value = (List<Map<String, Object>>) page.get("value");
		assertThat(value).hasSize(2);
		assertThat(value.get(0)).containsEntry("Account", "7510").doesNotContainKey("Description");
		assertThat(value.get(1)).containsEntry("Account", "7010");
	}

	@Test
	void aMalformedSkipTokenIsA400ThatSaysToFollowTheNextLinkAsSent() {
		ODataResponse response = get(service(Map.of()), "AccountsHandling", "AccountSet", "$skiptoken=garbage");
		assertThat(response.status()).isEqualTo(400);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Follow @odata.nextLink exactly");
	}

}
