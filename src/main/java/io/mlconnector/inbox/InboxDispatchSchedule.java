package io.mlconnector.inbox;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the dispatcher: claims are cheap when nothing is due, and several instances
 * dispatching at once is safe by design (leases and {@code SKIP LOCKED}).
 */
class InboxDispatchSchedule {

	private final InboxDispatcher dispatcher;

	InboxDispatchSchedule(InboxDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Scheduled(fixedDelayString = "${mlc.inbox.dispatcher.poll-interval:1s}")
	void dispatch() {
		this.dispatcher.dispatchDue();
	}

}
