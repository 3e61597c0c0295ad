package com.rvssl.gateway.submission;

import java.time.Duration;

import com.rvssl.kit.work.RepeatingWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every few seconds ({@code rvssl.gateway.sweep.interval}): re-attempts RETRYING records
 * whose time has come, takes over SUBMITTING records whose attempt crashed, and retries
 * cancellations at the CA. This is what makes sure no paid order is ever left behind. A
 * sweep with slow CA calls may outlast the interval: the next one waits for it.
 */
@Component
class SubmissionSweep extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(SubmissionSweep.class);

	private final Submissions submissions;

	SubmissionSweep(Submissions submissions, @Value("${rvssl.gateway.sweep.interval:PT5S}") Duration interval) {
		super("Submission sweep", interval, interval);
		this.submissions = submissions;
	}

	@Override
	protected Mono<Void> round() {
		return submissions.sweep().doOnNext(handled -> {
			if (handled > 0) {
				log.info("Sweep handled {} due submission(s)", handled);
			}
		}).then();
	}

}
