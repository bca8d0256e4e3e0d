/**
 * Internals of the generator: the compiled site, visitors, the session simulator and the
 * block-by-block event engine. Not part of the public API; anything here may change.
 */
@NullMarked
package dev.loggen.core.internal;

import org.jspecify.annotations.NullMarked;
