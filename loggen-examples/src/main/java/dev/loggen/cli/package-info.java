/** The command-line generator behind {@code loggen.jar}. */
@NullMarked
package dev.loggen.cli;

import org.jspecify.annotations.NullMarked;
