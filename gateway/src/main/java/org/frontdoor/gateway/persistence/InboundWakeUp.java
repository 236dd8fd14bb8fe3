package org.frontdoor.gateway.persistence;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Lets the store nudge the {@link InboundProcessor} after a commit without a dependency
 * cycle between the two beans.
 */
@Component
class InboundWakeUp {

	private final ObjectProvider<InboundProcessor> processor;

	InboundWakeUp(ObjectProvider<InboundProcessor> processor) {
		this.processor = processor;
	}

	void afterCommit() {
		InboundProcessor worker = this.processor.getIfAvailable();
		if (worker != null) {
			worker.wakeUpAfterCommit();
		}
	}

}
