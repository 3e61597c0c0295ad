/**
 * The backends of the embedded MongoDB wire server (mongo-java-server) for the local
 * stack and the test infrastructure: the stock backends, taught to answer a filter that
 * pins {@code _id} through the {@code _id} index, so that a conditional write on one
 * document costs the same with a million documents beside it as with none.
 */
package com.rvssl.embeddedmongo;
