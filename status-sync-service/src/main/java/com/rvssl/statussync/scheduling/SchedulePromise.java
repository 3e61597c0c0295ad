package com.rvssl.statussync.scheduling;

import java.time.Duration;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Validation;

/**
 * How soon status sync promises to see a change the CA makes now to one order, derived
 * from the schedule's own configuration: the order's current interval between checks (the
 * pace at its age, never below the CA's minimum nor its silence window for a pushing CA;
 * it only grows with age, so the check already scheduled comes no later) plus one poll
 * interval for the poller to pick it up once due.
 *
 * @param currentInterval the wait between two checks of this order at its age
 * @param changeSeenWithin the longest a CA-side change made now goes unseen by status
 * sync
 */
public record SchedulePromise(String orderId, CertificateAuthority ca, Validation validation, Duration minInterval,
		Duration currentInterval, Duration pollInterval, Duration changeSeenWithin) {

	public static SchedulePromise of(String orderId, CertificateAuthority ca, Validation validation, Duration waited,
			SyncProperties properties) {
		CheckSchedule schedule = CheckSchedule.of(properties);
		Duration minimum = schedule.minInterval(ca);
		Duration interval = schedule.interval(ca, validation, waited);
		return new SchedulePromise(orderId, ca, validation, minimum, interval, properties.pollInterval(),
				interval.plus(properties.pollInterval()));
	}

}
