package io.mlconnector.payroll;

import java.util.Collections;
import java.util.Iterator;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The reader of {@code payrollPostingWriteStep}: the vouchers of the posting that are
 * still PLANNED, fresh from the posting records, so that on a first run and on a restart
 * alike what is PLANNED is what is left. A dry run posts nothing.
 */
// not final: step-scoped beans are class-based proxies
class PlannedVoucherReader implements ItemReader<PayrollPostings.PlannedVoucher> {

	private final Iterator<PayrollPostings.PlannedVoucher> vouchers;

	PlannedVoucherReader(PayrollPostings postings, PostingKey key) {
		this.vouchers = key.dryRun() ? Collections.emptyIterator() : postings.unposted(key).iterator();
	}

	@Override
	public PayrollPostings.PlannedVoucher read() {
		return this.vouchers.hasNext() ? this.vouchers.next() : null;
	}

}
