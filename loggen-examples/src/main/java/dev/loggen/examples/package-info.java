/** Example main classes: each shows one way to use loggen, and each has a test that runs it. */
@NullMarked
package dev.loggen.examples;

import org.jspecify.annotations.NullMarked;
