/**
 * The session engine: the {@link dev.loggen.core.engine.SessionModel} plug-in interface and its
 * default implementation, the validated {@link dev.loggen.core.engine.TransitionMatrix} over named
 * states.
 */
@NullMarked
package dev.loggen.core.engine;

import org.jspecify.annotations.NullMarked;
