/**
 * Implementation of the sinks: triggering policies, the rollover strategy (naming,
 * compression, retention), the active file with its retries and crash repair. Not an API: any
 * type here may change without notice.
 */
@NullMarked
package dev.loggen.sinks.internal;

import org.jspecify.annotations.NullMarked;
