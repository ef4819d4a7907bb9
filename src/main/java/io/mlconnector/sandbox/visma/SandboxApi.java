package io.mlconnector.sandbox.visma;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

/**
 * The {@code /v1} resources of one company with the DTOs of [SPEC-3P]: writes take
 * {@code {"value": ...}}-wrapped scalars (a bare scalar is refused: ASSUMPTION, the real
 * deserializer would not bind it), reads are plain. Which validation message goes with
 * which mistake is an ASSUMPTION; that create requires {@code employeeCd},
 * {@code department}, {@code employeeClass}, {@code branch}, {@code calendar} and a
 * contact with {@code lastName} and {@code email} is [SPEC-3P].
 */
final class SandboxApi {

	static final DateTimeFormatter READ_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

	private static final List<DateTimeFormatter> FILTER_FORMATS = List.of(
			DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
			DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"),
			DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));

	private static final Set<String> WRITE_STATUSES = Set.of("Active", "Hold", "HoldPayments", "Inactive", "OneTime");

	private static final Map<String, String> COUNTRIES = Map.of("NO", "Norway", "SE", "Sweden", "DK", "Denmark", "FI",
			"Finland", "NL", "Netherlands", "US", "United States", "GB", "United Kingdom");

	/**
	 * An answer: status, headers and a JSON-able body (null for none).
	 *
	 * @param status HTTP status
	 * @param headers headers
	 * @param body body
	 */
	record Response(int status, Map<String, String> headers, Object body) {

		static Response ok(Object body) {
			return new Response(200, Map.of(), body);
		}

	}

	/**
	 * A request below {@code /v1}.
	 *
	 * @param method HTTP method
	 * @param segments decoded path segments after {@code /v1/}
	 * @param query query parameters
	 * @param ifMatch the {@code If-Match} header, or null
	 * @param body the parsed JSON body, or null
	 * @param baseUrl {@code <scheme>://<host>/sandbox/visma}, for {@code Location}
	 */
	record Request(String method, List<String> segments, MultiValueMap<String, String> query, String ifMatch,
			Object body, String baseUrl) {

	}

	private final SandboxSettings settings;

	SandboxApi(SandboxSettings settings) {
		this.settings = settings;
	}

	Response handle(SandboxCompany company, Request request) {
		synchronized (company) {
			List<String> s = request.segments();
			String resource = s.isEmpty() ? "" : s.get(0);
			return switch (resource) {
				case "employee" -> employee(company, request);
				case "department" -> department(company, request);
				case "branch" -> branch(company, request);
				case "dimension" -> dimension(company, request);
				default -> throw SandboxException.notFound("No resource /v1/" + String.join("/", s)
						+ " in the sandbox (employee, department, branch, dimension)");
			};
		}
	}

	// ---- employee -----------------------------------------------------------------

	private Response employee(SandboxCompany company, Request request) {
		List<String> s = request.segments();
		String method = request.method();
		if (s.size() == 1) {
			return switch (method) {
				case "GET" -> listEmployees(company, request.query());
				case "POST" -> createEmployee(company, request);
				default -> notAllowed(method, "/v1/employee", "GET, POST");
			};
		}
		if (s.size() == 4 && s.get(1).equals("action") && s.get(2).equals("changeEmployeeCd")) {
			return method.equals("POST") ? changeEmployeeCd(company, s.get(3), request.body())
					: notAllowed(method, "/v1/employee/action/changeEmployeeCd/{internalId}", "POST");
		}
		if (s.size() == 2) {
			String employeeCd = decodeId(s.get(1));
			return switch (method) {
				case "GET" -> {
					SandboxCompany.Employee employee = requireEmployee(company, employeeCd);
					yield new Response(200, etag(employee.timeStamp), employeeDto(employee, null));
				}
				case "PUT" -> updateEmployee(company, employeeCd, request);
				// no DELETE for employees [SPEC-3P]; 405 is an ASSUMPTION
				default -> notAllowed(method, "/v1/employee/{employeeCd}",
						"GET, PUT (there is no DELETE: set status Inactive)");
			};
		}
		throw SandboxException.notFound("No resource /v1/" + String.join("/", s));
	}

	private Response listEmployees(SandboxCompany company, MultiValueMap<String, String> query) {
		boolean paging = query.containsKey("pageNumber") || query.containsKey("pageSize");
		boolean legacy = query.containsKey("numberToRead") || query.containsKey("skipRecords");
		if (paging && legacy) {
			throw SandboxException
				.badRequest("Pagenumber and pagesize does not work with NumberToRead and SkipRecords.");
		}
		List<SandboxCompany.Employee> matching = new ArrayList<>();
		LocalDateTime since = null;
		String condition = null;
		if (query.containsKey("lastModifiedDateTime") || query.containsKey("lastModifiedDateTimeCondition")) {
			if (!query.containsKey("lastModifiedDateTime") || !query.containsKey("lastModifiedDateTimeCondition")) {
				throw SandboxException.badRequest("lastModifiedDateTime and lastModifiedDateTimeCondition are "
						+ "mutually inclusive: send both, e.g. lastModifiedDateTime=2024-05-25&"
						+ "lastModifiedDateTimeCondition=>");
			}
			since = parseFilterTime(query.getFirst("lastModifiedDateTime"));
			condition = query.getFirst("lastModifiedDateTimeCondition");
			if (!Set.of(">", "<", ">=", "<=").contains(condition)) {
				throw SandboxException
					.badRequest("lastModifiedDateTimeCondition is one of >, <, >=, <=; was '" + condition + "'");
			}
		}
		String greaterThan = query.getFirst("greaterThanValue");
		for (SandboxCompany.Employee employee : company.employeesById.values()) {
			if (since != null && !compare(employee.lastModified, condition, since)) {
				continue;
			}
			if (greaterThan != null && employee.employeeCd.compareTo(greaterThan) <= 0) {
				continue;
			}
			matching.add(employee);
		}
		int max = this.settings.maxPageSize();
		int from;
		int size;
		if (legacy) {
			from = intParam(query, "skipRecords", 0, 0);
			size = Math.min(intParam(query, "numberToRead", max, 1), max);
		}
		else {
			int pageNumber = intParam(query, "pageNumber", 1, 1);
			// a larger page size is silently capped at maxPageSize [SPEC-3P]
			size = Math.min(intParam(query, "pageSize", this.settings.defaultPageSize(), 1), max);
			from = (int) Math.min(Integer.MAX_VALUE, (long) (pageNumber - 1) * size);
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("totalCount", (long) matching.size());
		metadata.put("maxPageSize", (long) max);
		List<Object> page = new ArrayList<>();
		for (int i = from; i < matching.size() && i < from + size; i++) {
			page.add(employeeDto(matching.get(i), metadata));
		}
		return Response.ok(page);
	}

	private static boolean compare(LocalDateTime value, String condition, LocalDateTime since) {
		int c = value.compareTo(since);
		return switch (condition) {
			case ">" -> c > 0;
			case "<" -> c < 0;
			case ">=" -> c >= 0;
			default -> c <= 0;
		};
	}

	static LocalDateTime parseFilterTime(String text) {
		String value = (text != null) ? text.trim() : "";
		for (DateTimeFormatter format : FILTER_FORMATS) {
			try {
				return LocalDateTime.parse(value, format);
			}
			catch (DateTimeParseException ex) {
				// next format
			}
		}
		try {
			return LocalDate.parse(value).atStartOfDay();
		}
		catch (DateTimeParseException ex) {
			throw SandboxException.badRequest("lastModifiedDateTime '" + text + "' is not in a supported format: "
					+ "yyyy-MM-dd, yyyy-MM-dd HH:mm:ss, yyyy-MM-dd HH:mm:ss.FFF, yyyy-MM-ddTHH:mm:ss or "
					+ "yyyy-MM-ddTHH:mm:ss.FFF");
		}
	}

	private Response createEmployee(SandboxCompany company, Request request) {
		Map<String, Object> body = object(request.body(), "body");
		List<String> problems = new ArrayList<>();
		String employeeCd = value(body, "employeeCd", problems);
		String department = value(body, "department", problems);
		String employeeClass = value(body, "employeeClass", problems);
		String branch = value(body, "branch", problems);
		String calendar = value(body, "calendar", problems);
		String status = value(body, "status", problems);
		Map<String, Object> contact = (body.get("contact") != null) ? object(body.get("contact"), "contact") : null;
		Map<String, String> contactValues = (contact != null) ? values(contact, "contact", CONTACT_FIELDS, problems)
				: Map.of();
		Map<String, String> addressValues = (body.get("address") != null)
				? values(object(body.get("address"), "address"), "address", ADDRESS_FIELDS, problems) : Map.of();
		rejectUnknown(body, Set.of("employeeCd", "department", "employeeClass", "branch", "calendar", "status",
				"contact", "address"), "EmployeeCreateDTO", problems);
		require(employeeCd, "employeeCd", problems);
		require(department, "department", problems);
		require(employeeClass, "employeeClass", problems);
		require(branch, "branch", problems);
		require(calendar, "calendar", problems);
		if (contact == null) {
			problems.add("contact is required (with lastName and email)");
		}
		else {
			require(contactValues.get("lastName"), "contact.lastName", problems);
			require(contactValues.get("email"), "contact.email", problems);
		}
		checkReferences(company, department, employeeClass, branch, calendar, status, problems);
		if (employeeCd != null && company.employeesByCd.containsKey(employeeCd)) {
			problems.add("An employee with employeeCd '" + employeeCd + "' already exists");
		}
		if (!problems.isEmpty()) {
			throw SandboxException.badRequest("Error: " + String.join("; ", problems) + ".");
		}
		SandboxCompany.Employee employee = new SandboxCompany.Employee();
		employee.employeeId = company.nextInternalId();
		employee.employeeCd = employeeCd;
		employee.employeeUserId = UUID.randomUUID().toString();
		employee.status = readStatus((status != null) ? status : "Active");
		employee.department = department;
		employee.employeeClass = employeeClass;
		employee.branch = branch;
		employee.calendar = calendar;
		employee.contact.putAll(contactValues);
		employee.address.putAll(addressValues);
		employee.contactId = company.nextInternalId();
		employee.addressId = company.nextInternalId();
		company.touch(employee);
		company.add(employee);
		Map<String, String> headers = new LinkedHashMap<>(etag(employee.timeStamp));
		headers.put("Location", request.baseUrl() + "/v1/employee/" + pathId(employeeCd));
		// the body of a 201 is only declared "type: object" [SPEC-3P]: {} (ASSUMPTION)
		return new Response(201, headers, Map.of());
	}

	private Response updateEmployee(SandboxCompany company, String employeeCd, Request request) {
		SandboxCompany.Employee employee = requireEmployee(company, employeeCd);
		checkIfMatch(request.ifMatch(), employee.timeStamp, "Employee");
		Map<String, Object> body = object(request.body(), "body");
		List<String> problems = new ArrayList<>();
		if (body.containsKey("employeeCd")) {
			// not a field of EmployeeUpdateDto [SPEC-3P]; refusing it is an ASSUMPTION
			problems.add("employeeCd cannot be changed with PUT: use POST /v1/employee/action/changeEmployeeCd/"
					+ employee.employeeId);
		}
		rejectUnknown(body, Set.of("employeeCd", "department", "employeeClass", "branch", "calendar", "status",
				"contact", "address", "companyTreeInfo"), "EmployeeUpdateDto", problems);
		String department = value(body, "department", problems);
		String employeeClass = value(body, "employeeClass", problems);
		String branch = value(body, "branch", problems);
		String calendar = value(body, "calendar", problems);
		String status = value(body, "status", problems);
		Map<String, String> contactValues = Map.of();
		if (body.get("contact") == null) {
			problems.add("contact is required");
		}
		else {
			contactValues = values(object(body.get("contact"), "contact"), "contact", CONTACT_FIELDS, problems);
		}
		Map<String, String> addressValues = (body.get("address") != null)
				? values(object(body.get("address"), "address"), "address", ADDRESS_FIELDS, problems) : Map.of();
		checkReferences(company, department, employeeClass, branch, calendar, status, problems);
		if (!problems.isEmpty()) {
			throw SandboxException.badRequest("Error: " + String.join("; ", problems) + ".");
		}
		if (department != null) {
			employee.department = department;
		}
		if (employeeClass != null) {
			employee.employeeClass = employeeClass;
		}
		if (branch != null) {
			employee.branch = branch;
		}
		if (calendar != null) {
			employee.calendar = calendar;
		}
		if (status != null) {
			employee.status = readStatus(status);
		}
		employee.contact.putAll(contactValues);
		employee.address.putAll(addressValues);
		company.touch(employee);
		return new Response(204, etag(employee.timeStamp), null);
	}

	private Response changeEmployeeCd(SandboxCompany company, String internalId, Object body) {
		int id;
		try {
			id = Integer.parseInt(internalId);
		}
		catch (NumberFormatException ex) {
			throw SandboxException
				.badRequest("internalId is the employee's int32 employeeId, was '" + internalId + "'");
		}
		SandboxCompany.Employee employee = company.employeesById.get(id);
		if (employee == null) {
			throw SandboxException.notFound("Employee with internal id " + id + " not found.");
		}
		Object number = object(body, "body").get("employeeNr");
		if (!(number instanceof String employeeNr) || employeeNr.isBlank()) {
			throw SandboxException.badRequest("Error: employeeNr is required.");
		}
		if (company.employeesByCd.containsKey(employeeNr)) {
			throw SandboxException.badRequest("An employee with employeeCd '" + employeeNr + "' already exists.");
		}
		company.employeesByCd.remove(employee.employeeCd);
		employee.employeeCd = employeeNr;
		company.employeesByCd.put(employeeNr, employee);
		company.touch(employee);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("actionId", UUID.randomUUID().toString());
		// synchronous Done by default: ASSUMPTION
		result.put("actionResult", "Done");
		result.put("errorInfo", null);
		return Response.ok(result);
	}

	private static SandboxCompany.Employee requireEmployee(SandboxCompany company, String employeeCd) {
		SandboxCompany.Employee employee = company.employeesByCd.get(employeeCd);
		if (employee == null) {
			throw SandboxException.notFound("Employee with employeeCd '" + employeeCd + "' not found.");
		}
		return employee;
	}

	private static void checkReferences(SandboxCompany company, String department, String employeeClass, String branch,
			String calendar, String status, List<String> problems) {
		if (department != null && !company.departments.containsKey(department)) {
			problems.add("Department '" + department + "' does not exist (create it with POST /v1/department)");
		}
		if (employeeClass != null && !company.employeeClasses.containsKey(employeeClass)) {
			problems.add("Employee class '" + employeeClass + "' does not exist");
		}
		if (branch != null && !company.branches.containsKey(branch)) {
			problems.add("Branch '" + branch + "' does not exist");
		}
		if (calendar != null && !company.calendars.containsKey(calendar)) {
			problems.add("Calendar '" + calendar + "' does not exist");
		}
		if (status != null && !WRITE_STATUSES.contains(status)) {
			problems.add("status '" + status + "' is not one of Active, Hold, HoldPayments, Inactive, OneTime");
		}
	}

	/** The write enum says {@code Hold}, the read enum {@code OnHold} [SPEC-3P]. */
	private static String readStatus(String writeStatus) {
		return "Hold".equals(writeStatus) ? "OnHold" : writeStatus;
	}

	private static final Set<String> CONTACT_FIELDS = Set.of("firstName", "middleName", "lastName", "email", "phone1",
			"phone2", "phone3", "fax");

	private static final Set<String> ADDRESS_FIELDS = Set.of("addressLine1", "addressLine2", "addressLine3",
			"postalCode", "city", "countryId", "county");

	Map<String, Object> employeeDto(SandboxCompany.Employee e, Map<String, Object> metadata) {
		Map<String, Object> dto = new LinkedHashMap<>();
		dto.put("employeeUserId", e.employeeUserId);
		dto.put("employeeId", e.employeeId);
		dto.put("employeeNumber", e.employeeCd);
		String first = e.contact.getOrDefault("firstName", "");
		String last = e.contact.getOrDefault("lastName", "");
		String name = (first + " " + last).trim();
		dto.put("employeeName", name);
		dto.put("status", e.status);
		dto.put("department", e.department);
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("employeeContact", "");
		contact.put("title", null);
		contact.put("firstName", first);
		contact.put("midName", e.contact.getOrDefault("middleName", ""));
		contact.put("lastName", last);
		contact.put("phone1", e.contact.getOrDefault("phone1", ""));
		contact.put("phone2", e.contact.getOrDefault("phone2", ""));
		contact.put("phone3", e.contact.getOrDefault("phone3", ""));
		contact.put("contactId", e.contactId);
		contact.put("name", name);
		contact.put("attention", "");
		contact.put("email", e.contact.getOrDefault("email", ""));
		contact.put("web", "");
		contact.put("fax", e.contact.getOrDefault("fax", ""));
		dto.put("contact", contact);
		Map<String, Object> address = new LinkedHashMap<>();
		address.put("addressId", e.addressId);
		address.put("addressLine1", e.address.getOrDefault("addressLine1", ""));
		address.put("addressLine2", e.address.getOrDefault("addressLine2", ""));
		address.put("addressLine3", e.address.getOrDefault("addressLine3", ""));
		address.put("postalCode", e.address.getOrDefault("postalCode", ""));
		address.put("city", e.address.getOrDefault("city", ""));
		String country = e.address.getOrDefault("countryId", "");
		address.put("country", idName(country, COUNTRIES.getOrDefault(country, country)));
		String county = e.address.getOrDefault("county", "");
		address.put("county", idName(county, county));
		dto.put("address", address);
		dto.put("lastModifiedDateTime", READ_TIME.format(e.lastModified));
		Map<String, Object> employeeClass = new LinkedHashMap<>();
		employeeClass.put("id", e.employeeClass);
		employeeClass.put("description", null);
		dto.put("employeeClass", employeeClass);
		Map<String, Object> branch = new LinkedHashMap<>();
		branch.put("number", e.branch);
		branch.put("name", null);
		dto.put("branch", branch);
		dto.put("calendarID", e.calendar);
		dto.put("employeeLogin", "");
		dto.put("workGroupDescription", List.of());
		dto.put("timeStamp", e.timeStamp);
		dto.put("errorInfo", null);
		dto.put("metadata", (metadata != null) ? metadata
				: Map.of("totalCount", 1L, "maxPageSize", (long) this.settings.maxPageSize()));
		return dto;
	}

	private static Map<String, Object> idName(String id, String name) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("id", id);
		value.put("name", name);
		return value;
	}

	// ---- department ---------------------------------------------------------------

	private Response department(SandboxCompany company, Request request) {
		List<String> s = request.segments();
		String method = request.method();
		if (s.size() == 1) {
			return switch (method) {
				// no pageNumber/pageSize for departments [SPEC-3P]; all are returned
				// (ASSUMPTION)
				case "GET" ->
					Response.ok(company.departments.values().stream().map((d) -> departmentDto(company, d)).toList());
				case "POST" -> createDepartment(company, request);
				default -> notAllowed(method, "/v1/department", "GET, POST");
			};
		}
		if (s.size() == 2) {
			String id = decodeId(s.get(1));
			SandboxCompany.Department department = company.departments.get(id);
			if (department == null) {
				throw SandboxException.notFound("Department '" + id + "' not found.");
			}
			return switch (method) {
				case "GET" -> new Response(200, etag(department.timeStamp), departmentDto(company, department));
				case "PUT" -> {
					checkIfMatch(request.ifMatch(), department.timeStamp, "Department");
					Map<String, Object> body = object(request.body(), "body");
					List<String> problems = new ArrayList<>();
					String description = value(body, "description", problems);
					String account = value(body, "expenseAccount", problems);
					if (!problems.isEmpty()) {
						throw SandboxException.badRequest("Error: " + String.join("; ", problems) + ".");
					}
					if (description != null) {
						department.description = description;
					}
					if (account != null) {
						department.expenseAccount = account;
					}
					department.lastModified = company.now();
					department.timeStamp = company.nextTimeStamp();
					yield new Response(204, etag(department.timeStamp), null);
				}
				default -> notAllowed(method, "/v1/department/{departmentId}", "GET, PUT");
			};
		}
		throw SandboxException.notFound("No resource /v1/" + String.join("/", s));
	}

	private Response createDepartment(SandboxCompany company, Request request) {
		Map<String, Object> body = object(request.body(), "body");
		List<String> problems = new ArrayList<>();
		// departmentId is a plain string in DepartmentUpdateBaseDto [SPEC-3P]
		Object id = body.get("departmentId");
		String description = value(body, "description", problems);
		String account = value(body, "expenseAccount", problems);
		if (!(id instanceof String departmentId) || departmentId.isBlank()) {
			throw SandboxException.badRequest("Error: departmentId is required (a plain string).");
		}
		if (company.departments.containsKey(departmentId)) {
			problems.add("Department '" + departmentId + "' already exists");
		}
		String subaccount = null;
		if (body.get("expenseSubaccount") instanceof List<?> segments) {
			List<String> parts = new ArrayList<>();
			for (Object item : segments) {
				Map<String, Object> segment = object(item, "expenseSubaccount[]");
				Object segmentId = segment.get("segmentId");
				Object segmentValue = segment.get("segmentValue");
				if (!(segmentId instanceof Number number) || !(segmentValue instanceof String value)) {
					problems.add("expenseSubaccount[] needs segmentId (int) and segmentValue (string)");
					continue;
				}
				SandboxCompany.Segment known = company.segment("SUBACCOUNT", number.intValue());
				if (known == null || !known.values.containsKey(value)) {
					problems.add("Subaccount segment " + number + " has no value '" + value + "'");
				}
				parts.add(value);
			}
			subaccount = String.join("-", parts);
		}
		if (!problems.isEmpty()) {
			throw SandboxException.badRequest("Error: " + String.join("; ", problems) + ".");
		}
		SandboxCompany.Department department = new SandboxCompany.Department();
		department.departmentId = departmentId;
		department.publicId = UUID.randomUUID().toString();
		department.description = (description != null) ? description : departmentId;
		department.expenseAccount = account;
		department.expenseSubaccount = subaccount;
		department.lastModified = company.now();
		department.timeStamp = company.nextTimeStamp();
		company.departments.put(departmentId, department);
		Map<String, String> headers = new LinkedHashMap<>(etag(department.timeStamp));
		headers.put("Location", request.baseUrl() + "/v1/department/" + pathId(departmentId));
		return new Response(201, headers, Map.of());
	}

	private static Map<String, Object> departmentDto(SandboxCompany company, SandboxCompany.Department d) {
		Map<String, Object> dto = new LinkedHashMap<>();
		dto.put("departmentId", d.departmentId);
		dto.put("publicId", d.publicId);
		dto.put("description", d.description);
		if (d.expenseAccount != null) {
			Map<String, Object> account = new LinkedHashMap<>();
			account.put("type", "Expense");
			account.put("externalCode1", null);
			account.put("externalCode2", null);
			account.put("active", true);
			account.put("number", d.expenseAccount);
			account.put("description", null);
			dto.put("expenseAccount", account);
		}
		else {
			dto.put("expenseAccount", null);
		}
		if (d.expenseSubaccount != null) {
			Map<String, Object> subaccount = new LinkedHashMap<>();
			subaccount.put("active", true);
			subaccount.put("id", d.expenseSubaccount);
			subaccount.put("description", null);
			dto.put("expenseSubaccount", subaccount);
		}
		else {
			dto.put("expenseSubaccount", null);
		}
		dto.put("lastModifiedDateTime", READ_TIME.format(d.lastModified));
		dto.put("timeStamp", d.timeStamp);
		return dto;
	}

	// ---- branch (ASSUMPTION: endpoint and shape, see VismaBranch) -------------------

	private Response branch(SandboxCompany company, Request request) {
		List<String> s = request.segments();
		if (!request.method().equals("GET")) {
			return notAllowed(request.method(), "/v1/branch", "GET");
		}
		if (s.size() == 1) {
			return Response.ok(company.branches.values().stream().map(SandboxApi::branchDto).toList());
		}
		SandboxCompany.Branch branch = company.branches.get(decodeId(s.get(1)));
		if (s.size() != 2 || branch == null) {
			throw SandboxException.notFound("Branch '" + String.join("/", s.subList(1, s.size())) + "' not found.");
		}
		return Response.ok(branchDto(branch));
	}

	private static Map<String, Object> branchDto(SandboxCompany.Branch branch) {
		Map<String, Object> dto = new LinkedHashMap<>();
		dto.put("number", branch.number());
		dto.put("name", branch.name());
		dto.put("active", branch.active());
		return dto;
	}

	// ---- dimension ----------------------------------------------------------------

	private Response dimension(SandboxCompany company, Request request) {
		List<String> s = request.segments();
		String method = request.method();
		if (s.size() == 1) {
			requireGet(method, "/v1/dimension");
			return Response.ok(List.copyOf(company.dimensions.keySet()));
		}
		String dimensionId = s.get(1);
		Map<Integer, SandboxCompany.Segment> segments = company.dimensions.get(dimensionId);
		if (segments == null) {
			throw SandboxException.notFound("Dimension '" + dimensionId + "' not found.");
		}
		if (s.size() == 2) {
			requireGet(method, "/v1/dimension/{dimensionId}");
			boolean expand = !"false".equalsIgnoreCase(request.query().getFirst("expandSegmentsValues"));
			Map<String, Object> dto = new LinkedHashMap<>();
			dto.put("id", dimensionId);
			dto.put("length", segments.values().stream().mapToInt((segment) -> segment.length).sum());
			dto.put("description", dimensionId);
			dto.put("segments", segments.values().stream().map((segment) -> segmentDto(segment, expand)).toList());
			return Response.ok(dto);
		}
		int segmentId;
		try {
			segmentId = Integer.parseInt(s.get(2));
		}
		catch (NumberFormatException ex) {
			throw SandboxException.badRequest("segmentId is an integer, was '" + s.get(2) + "'");
		}
		SandboxCompany.Segment segment = segments.get(segmentId);
		if (segment == null) {
			throw SandboxException.notFound("Segment " + segmentId + " of dimension '" + dimensionId + "' not found.");
		}
		if (s.size() == 3) {
			return switch (method) {
				case "GET" -> new Response(200, etag(segment.timeStamp), segmentDto(segment, true));
				case "PUT" -> updateSegment(company, segment, request);
				default -> notAllowed(method, "/v1/dimension/{dimensionId}/{segmentId}", "GET, PUT");
			};
		}
		if (s.size() == 4) {
			requireGet(method, "/v1/dimension/{dimensionId}/{segmentId}/{valueId}");
			String valueId;
			try {
				// "Must be Base64 encoded." [SPEC-3P]
				valueId = new String(Base64.getDecoder().decode(s.get(3)), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw SandboxException.badRequest("valueId must be Base64 encoded, was '" + s.get(3) + "'");
			}
			SandboxCompany.SegmentValue value = segment.values.get(valueId);
			if (value == null) {
				throw SandboxException.notFound("Segment value '" + valueId + "' not found.");
			}
			return new Response(200, etag(value.timeStamp), valueDto(segment, value));
		}
		throw SandboxException.notFound("No resource /v1/" + String.join("/", s));
	}

	private Response updateSegment(SandboxCompany company, SandboxCompany.Segment segment, Request request) {
		checkIfMatch(request.ifMatch(), segment.timeStamp, "Segment");
		Map<String, Object> body = object(request.body(), "body");
		List<String> problems = new ArrayList<>();
		List<Runnable> changes = new ArrayList<>();
		if (body.get("segmentValues") instanceof List<?> values) {
			for (Object item : values) {
				Map<String, Object> change = object(item, "segmentValues[]");
				Object operation = change.get("operation");
				Object valueId = change.get("value");
				String description = value(change, "description", problems);
				Object active = unwrap(change, "active", problems);
				if (!(valueId instanceof String id) || id.isBlank()) {
					problems.add("segmentValues[].value is required");
					continue;
				}
				if (id.length() > segment.length) {
					problems.add("value '" + id + "' is longer than the segment's length " + segment.length);
					continue;
				}
				boolean exists = segment.values.containsKey(id);
				switch (String.valueOf(operation)) {
					case "Insert" -> {
						if (exists) {
							problems.add("value '" + id + "' already exists");
						}
						else {
							changes.add(() -> {
								SandboxSeed.addValue(company, segment, id, (description != null) ? description : id);
								segment.values.get(id).active = !Boolean.FALSE.equals(active);
							});
						}
					}
					case "Update" -> {
						if (!exists) {
							problems.add("value '" + id + "' does not exist");
						}
						else {
							changes.add(() -> {
								SandboxCompany.SegmentValue current = segment.values.get(id);
								if (description != null) {
									current.description = description;
								}
								if (active instanceof Boolean flag) {
									current.active = flag;
								}
								current.lastModified = company.now();
								current.timeStamp = company.nextTimeStamp();
							});
						}
					}
					case "Delete" -> {
						if (!exists) {
							problems.add("value '" + id + "' does not exist");
						}
						else {
							changes.add(() -> segment.values.remove(id));
						}
					}
					default ->
						problems.add("segmentValues[].operation is Insert, Update or Delete; was '" + operation + "'");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw SandboxException.badRequest("Error: " + String.join("; ", problems) + ".");
		}
		changes.forEach(Runnable::run);
		segment.lastModified = company.now();
		segment.timeStamp = company.nextTimeStamp();
		return new Response(204, etag(segment.timeStamp), null);
	}

	private static Map<String, Object> segmentDto(SandboxCompany.Segment segment, boolean withValues) {
		Map<String, Object> dto = new LinkedHashMap<>();
		dto.put("internalId", segment.internalId);
		dto.put("segmentId", segment.segmentId);
		dto.put("description", segment.description);
		dto.put("length", segment.length);
		dto.put("publicId", segment.publicId);
		dto.put("timeStamp", segment.timeStamp);
		dto.put("lastModified", READ_TIME.format(segment.lastModified));
		dto.put("validate", true);
		dto.put("segmentValues", withValues
				? segment.values.values().stream().map((value) -> valueDto(segment, value)).toList() : List.of());
		dto.put("isAutoNumber", false);
		dto.put("consolNumChar", 0);
		dto.put("consolOrder", 0);
		return dto;
	}

	private static Map<String, Object> valueDto(SandboxCompany.Segment segment, SandboxCompany.SegmentValue value) {
		Map<String, Object> dto = new LinkedHashMap<>();
		dto.put("internalId", value.internalId);
		dto.put("segmentId", segment.segmentId);
		dto.put("valueId", value.valueId);
		dto.put("description", value.description);
		dto.put("publicId", value.publicId);
		dto.put("active", value.active);
		dto.put("timeStamp", value.timeStamp);
		dto.put("lastModified", READ_TIME.format(value.lastModified));
		dto.put("mappedSegValue", null);
		return dto;
	}

	// ---- wire helpers -------------------------------------------------------------

	/**
	 * {@code If-Match} is optional; when sent it must be the current timeStamp (quoted or
	 * not: ASSUMPTION), else 412 [DOC-etag].
	 */
	private static void checkIfMatch(String ifMatch, String current, String what) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return;
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		if (!value.equals(current)) {
			throw new SandboxException(412, "10412", what + " version does not match with If-Match header");
		}
	}

	static Map<String, String> etag(String timeStamp) {
		return Map.of("ETag", "\"" + timeStamp + "\"");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object value, String what) {
		if (!(value instanceof Map<?, ?> map)) {
			throw SandboxException.badRequest("Error: " + what + " must be a JSON object.");
		}
		return (Map<String, Object>) map;
	}

	/** A {@code {"value": ...}}-wrapped scalar, as text; null when absent. */
	private static String value(Map<String, Object> body, String field, List<String> problems) {
		Object unwrapped = unwrap(body, field, problems);
		return (unwrapped != null) ? String.valueOf(unwrapped) : null;
	}

	private static Object unwrap(Map<String, Object> body, String field, List<String> problems) {
		Object raw = body.get(field);
		if (raw == null) {
			return null;
		}
		if (raw instanceof Map<?, ?> wrapper && wrapper.containsKey("value")) {
			return wrapper.get("value");
		}
		problems.add(field + " must be wrapped as {\"value\": ...}");
		return null;
	}

	private static Map<String, String> values(Map<String, Object> body, String what, Set<String> fields,
			List<String> problems) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : body.entrySet()) {
			if (!fields.contains(entry.getKey())) {
				problems.add(what + "." + entry.getKey() + " is not a field of " + what);
				continue;
			}
			String value = value(body, entry.getKey(), problems);
			if (value != null) {
				values.put(entry.getKey(), value);
			}
		}
		return values;
	}

	private static void rejectUnknown(Map<String, Object> body, Set<String> known, String dto, List<String> problems) {
		body.keySet()
			.stream()
			.filter((field) -> !known.contains(field))
			.forEach((field) -> problems.add(field + " is not a field of " + dto));
	}

	private static void require(String value, String field, List<String> problems) {
		if (value == null || value.isBlank()) {
			problems.add("'" + field + "' cannot be empty");
		}
	}

	private static int intParam(MultiValueMap<String, String> query, String name, int absent, int min) {
		String value = query.getFirst(name);
		if (value == null) {
			return absent;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed < min) {
				throw SandboxException.badRequest(name + " is at least " + min + ", was " + parsed);
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw SandboxException.badRequest(name + " is an integer, was '" + value + "'");
		}
	}

	private static void requireGet(String method, String path) {
		if (!method.equals("GET")) {
			throw new SandboxException(405, "10405", "The requested resource does not support http method '" + method
					+ "' (" + path + " supports GET).");
		}
	}

	private static Response notAllowed(String method, String path, String allowed) {
		throw new SandboxException(405, "10405", "The requested resource does not support http method '" + method
				+ "' (" + path + ": " + allowed + ").");
	}

	/** {@code b64(<base64url>)} addresses ids with URL-reserved characters [KB]. */
	static String decodeId(String segment) {
		if (segment.startsWith("b64(") && segment.endsWith(")")) {
			try {
				return new String(Base64.getUrlDecoder().decode(segment.substring(4, segment.length() - 1)),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw SandboxException.badRequest("b64(...) must hold base64url, was '" + segment + "'");
			}
		}
		return segment;
	}

	static String pathId(String id) {
		return id.matches("[A-Za-z0-9_.\\-]+") ? id : "b64("
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8)) + ")";
	}

	static String scopeFor(String method) {
		return switch (method.toUpperCase(Locale.ROOT)) {
			case "GET" -> "vismanet_erp_service_api:read";
			case "POST" -> "vismanet_erp_service_api:create";
			case "PUT" -> "vismanet_erp_service_api:update";
			default -> "vismanet_erp_service_api:delete";
		};
	}

}
