/**
 * Internals of the configuration reader: value parsers, spelling suggestions and the binders
 * that turn a {@link dev.loggen.core.config.ConfigNode} tree into loggen's model. Not API: these
 * classes may change in any release.
 */
@NullMarked
package dev.loggen.core.config.internal;

import org.jspecify.annotations.NullMarked;
