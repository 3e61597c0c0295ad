package com.rvssl.sandbox.push;

/** Whether pushes go out: all of them, none, or each dropped with the set probability. */
public enum PushMode {

	ON, OFF, DROP

}
