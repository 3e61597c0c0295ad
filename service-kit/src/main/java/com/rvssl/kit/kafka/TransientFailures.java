package com.rvssl.kit.kafka;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which failures of a listener are only the world being away for a while: the database
 * unreachable or failing over, the broker unreachable, a time-out. A record that failed
 * on one of these will succeed once it heals, so it is retried until then instead of
 * going to the dead-letter topic, where a business event would wait for an operator.
 */
final class TransientFailures {

	private TransientFailures() {
	}

	static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
					|| cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
					|| cause instanceof RetriableException || cause instanceof TimeoutException
					|| cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

}
