package io.mlconnector.tenant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Validates the bound tenant configuration and reports each problem under the key an
 * operator writes in YAML or the environment
 * ({@code mlc.tenants.acme.gusto.client-secret}), not the Java property path.
 */
class TenantConfigurationValidator {

	private static final Pattern MAP_ENTRY = Pattern.compile("\\[([^\\]]*)\\]");

	private static final Pattern MAP_KEY = Pattern.compile("<K>\\[([^\\]]*)\\]");

	private static final Pattern MAPPING_PART = Pattern.compile("\\.mapping\\.(payroll|allocation|people)\\.");

	private final Validator validator;

	TenantConfigurationValidator(Validator validator) {
		this.validator = validator;
	}

	void validate(TenantsProperties properties) {
		Set<ConstraintViolation<TenantsProperties>> violations = this.validator.validate(properties);
		List<String> problems = new ArrayList<>();
		violations
			.forEach((violation) -> problems.add(key(violation) + ": " + violation.getMessage() + rejected(violation)));
		properties.tenants().forEach((id, tenant) -> problems.addAll(crossFieldProblems(id, tenant)));
		if (!problems.isEmpty()) {
			problems.sort(Comparator.naturalOrder());
			throw new InvalidTenantConfigurationException(problems);
		}
	}

	private static List<String> crossFieldProblems(String id, TenantProperties tenant) {
		List<String> problems = new ArrayList<>();
		if (tenant.gusto() != null && tenant.ifs() != null && tenant.mapping() != null) {
			Set<PayrollComponent> missing = EnumSet.copyOf(PayrollComponent.REQUIRED);
			missing.removeAll(tenant.mapping().payroll().accounts().keySet());
			if (!missing.isEmpty()) {
				problems.add("mlc.tenants." + id + ".mapping.accounts: Gusto and IFS are both configured, so payroll "
						+ "vouchers are posted; map " + missing.stream().sorted().map(Enum::name).toList()
						+ " to IFS GL accounts");
			}
		}
		return problems;
	}

	private static String rejected(ConstraintViolation<?> violation) {
		Object value = violation.getInvalidValue();
		if (value == null || value instanceof TenantProperties || value instanceof io.mlconnector.secrets.Secret) {
			return "";
		}
		return " (was '" + value + "')";
	}

	static String key(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		Matcher mapKey = MAP_KEY.matcher(path);
		if (mapKey.find()) {
			return "mlc.tenants." + mapKey.group(1);
		}
		// tenants[acme].gusto.clientSecret -> tenants.acme.gusto.client-secret
		StringBuilder key = new StringBuilder("mlc.");
		Matcher entry = MAP_ENTRY.matcher(path);
		int last = 0;
		while (entry.find()) {
			key.append(kebab(path.substring(last, entry.start()))).append('.').append(entry.group(1));
			last = entry.end();
		}
		key.append(kebab(path.substring(last)));
		// the flows' parts of the mapping are written flat under mapping
		return MAPPING_PART.matcher(key).replaceFirst(".mapping.");
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

}
