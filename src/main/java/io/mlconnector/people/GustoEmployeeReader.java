package io.mlconnector.people;

import java.util.Iterator;

import io.mlconnector.gusto.GustoClient;
import io.mlconnector.gusto.GustoEmployee;
import reactor.core.Disposable;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The reader of {@code peopleSweepStep}: every employee of the tenant's Gusto company
 * (onboarding, active and terminated), page by page in Gusto's order, as {@link Person}s.
 * The count read is kept in the step's execution context at each commit, so a restart
 * reads on from the first employee not yet synced.
 */
// not final: step-scoped beans are class-based proxies
class GustoEmployeeReader extends AbstractItemCountingItemStreamItemReader<Person> {

	private final GustoClient gusto;

	private final String tenant;

	private Iterator<GustoEmployee> employees;

	private Disposable subscription;

	GustoEmployeeReader(GustoClient gusto, String tenant) {
		this.gusto = gusto;
		this.tenant = tenant;
		setName("gustoEmployees");
	}

	@Override
	protected void doOpen() {
		// pages are fetched as the step asks for employees, a few ahead
		Iterable<GustoEmployee> iterable = this.gusto.employees(this.tenant).toIterable(256);
		this.employees = iterable.iterator();
		this.subscription = (this.employees instanceof Disposable disposable) ? disposable : null;
	}

	@Override
	protected Person doRead() {
		return (this.employees != null && this.employees.hasNext()) ? Person.of(this.employees.next()) : null;
	}

	@Override
	protected void doClose() {
		if (this.subscription != null) {
			this.subscription.dispose();
		}
		this.employees = null;
		this.subscription = null;
	}

}
