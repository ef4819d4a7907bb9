package io.mlconnector.ifs;

import java.time.Duration;

import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.IfsConnection;
import io.mlconnector.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * The IFS connection check: a token, then the configured company from {@code CompanySet}
 * (a name IFS is known to use).
 */
class IfsConnectionCheck implements ConnectionCheck {

	private final IfsClients clients;

	IfsConnectionCheck(IfsClients clients) {
		this.clients = clients;
	}

	@Override
	public String system() {
		return "ifs";
	}

	@Override
	public boolean appliesTo(Tenant tenant) {
		return tenant.ifs().isPresent();
	}

	@Override
	public Mono<Result> check(Tenant tenant) {
		long started = System.nanoTime();
		IfsConnection connection = tenant.ifs().orElseThrow();
		IfsKey company = IfsKey.of("Company", connection.company());
		String read = connection.entitySets().company().path() + company;
		return Mono.defer(() -> this.clients.forTenant(tenant).read(connection.entitySets().company(), company))
			.map((entity) -> new Result(system(), true, elapsed(started),
					"token issued; read " + read + " (" + entity.string("Name") + ")"))
			.onErrorResume((ex) -> Mono.just(new Result(system(), false, elapsed(started), detail(tenant, read, ex))));
	}

	private static String detail(Tenant tenant, String read, Throwable ex) {
		if (ex instanceof IfsException ifs && ifs.status() == 404) {
			return "token issued, but " + read + " does not exist: check mlc.tenants." + tenant.id()
					+ ".ifs.company and entity-sets.company";
		}
		return ex.getMessage();
	}

	private static Duration elapsed(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

}
