/**
 * The backends of the embedded MongoDB wire server (mongo-java-server) for the local
 * stack and the test infrastructure: the stock backends, taught to answer a filter that
 * pins {@code _id} through the {@code _id} index, so that a conditional write on one
 * document costs the same with a million documents beside it as with none, and to keep
 * the services' secondary indexes ({@link com.rvssl.embeddedmongo.ExistsIndex},
 * {@link com.rvssl.embeddedmongo.OrderedIndex}) so that their periodic queries read the
 * documents they look for, not every document ever written.
 */
package com.rvssl.embeddedmongo;
