/** loggen sinks (see the module README section). */
@NullMarked
package dev.loggen.sinks;

import org.jspecify.annotations.NullMarked;
