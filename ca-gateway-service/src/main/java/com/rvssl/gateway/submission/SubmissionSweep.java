package com.rvssl.gateway.submission;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds ({@code rvssl.gateway.sweep.interval}): re-attempts RETRYING records whose time
 * has come, takes over SUBMITTING records whose attempt crashed, and retries cancellations at the
 * CA. This is what makes sure no paid order is ever left behind.
 */
@Component
class SubmissionSweep {

	private static final Logger log = LoggerFactory.getLogger(SubmissionSweep.class);

	private final Submissions submissions;

	private final AtomicBoolean running = new AtomicBoolean();

	SubmissionSweep(Submissions submissions) {
		this.submissions = submissions;
	}

	@Scheduled(fixedDelayString = "${rvssl.gateway.sweep.interval:PT5S}",
			initialDelayString = "${rvssl.gateway.sweep.interval:PT5S}")
	void sweep() {
		// A sweep with slow CA calls may outlast the interval: never run two at once.
		if (!running.compareAndSet(false, true)) {
			return;
		}
		submissions.sweep()
			.doFinally(signal -> running.set(false))
			.subscribe(handled -> {
				if (handled > 0) {
					log.info("Sweep handled {} due submission(s)", handled);
				}
			}, failure -> log.warn("Sweep failed; next one retries: {}", failure.toString()));
	}

}
