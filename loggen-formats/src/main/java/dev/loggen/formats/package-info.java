/** loggen formats (see the module README section). */
@NullMarked
package dev.loggen.formats;

import org.jspecify.annotations.NullMarked;
