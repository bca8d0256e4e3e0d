package dev.loggen.formats.internal;

import dev.loggen.formats.LogParser;

/** A format of ours that can read its own lines back. */
interface HasParser {
  /** A parser for lines this format renders. */
  LogParser parser();
}
