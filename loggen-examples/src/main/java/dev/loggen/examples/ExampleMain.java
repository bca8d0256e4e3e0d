package dev.loggen.examples;

import dev.loggen.cli.LiveSettings;
import dev.loggen.core.internal.Printable;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The command lines of the example main classes: a bad argument is one line on standard error
 * naming it, its value and what was expected, then the usage, and exit status 2, before
 * anything is written; a run the library refuses or that fails (a directory that cannot be
 * created, a file another program writes) is one line with the library's message and exit
 * status 1. No stack trace either way; what would act on a terminal (an escape sequence, a
 * line break) is written as {@code \}{@code uXXXX}, as the command line writes it.
 */
final class ExampleMain {
  private final String[] args;

  private ExampleMain(String[] args) {
    this.args = args;
  }

  /**
   * Runs {@code body} with the arguments, as the main of {@code example}.
   *
   * @param example the example class
   * @param usage its arguments, as the usage line shows them ({@code [dir] [seed]})
   * @param maxArgs how many arguments it takes at most
   * @param args the command line
   * @param body reads the arguments (all of them before it writes anything), then runs
   */
  static void run(Class<?> example, String usage, int maxArgs, String[] args,
      Consumer<ExampleMain> body) {
    String name = example.getSimpleName();
    try {
      if (args.length > maxArgs) {
        throw new BadArgument("expected at most " + maxArgs + " argument"
            + (maxArgs == 1 ? "" : "s") + " (got " + args.length + ")");
      }
      body.accept(new ExampleMain(args));
    } catch (BadArgument e) {
      // the value as typed, with what would act on the terminal escaped, as the command line
      // quotes it
      System.err.println(name + ": " + Printable.of(e.getMessage()));
      System.err.println("usage: java -cp loggen.jar " + example.getName() + " " + usage);
      System.exit(2);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      String message = e.getMessage();
      Throwable cause = e.getCause();
      if (e instanceof UncheckedIOException && cause != null && cause.getMessage() != null
          && (message == null || !message.contains(cause.getMessage()))) {
        message = message + ": " + cause.getMessage();
      }
      System.err.println(name + ": " + Printable.of(String.valueOf(message)));
      System.exit(1);
    }
  }

  /**
   * A whole number.
   *
   * @param i its position
   * @param what its name, as the usage line shows it
   * @param absent the value when the argument is not given
   * @return the value
   */
  long whole(int i, String what, long absent) {
    if (i >= args.length) {
      return absent;
    }
    try {
      return Long.parseLong(args[i]);
    } catch (NumberFormatException e) {
      throw new BadArgument(what + ": expected a whole number (got '" + args[i] + "')");
    }
  }

  /**
   * A whole number, 0 or more.
   *
   * @param i its position
   * @param what its name, as the usage line shows it
   * @param absent the value when the argument is not given
   * @return the value
   */
  long count(int i, String what, long absent) {
    long n = whole(i, what, absent);
    if (n < 0) {
      throw new BadArgument(what + ": expected a whole number, 0 or more (got '" + args[i]
          + "')");
    }
    return n;
  }

  /**
   * Lines per second, as the command line's {@code --rate} takes them.
   *
   * @param i its position
   * @param what its name, as the usage line shows it
   * @param absent the value when the argument is not given
   * @return the value
   */
  double rate(int i, String what, double absent) {
    if (i >= args.length) {
      return absent;
    }
    double rate;
    try {
      rate = Double.parseDouble(args[i]);
    } catch (NumberFormatException e) {
      throw new BadArgument(what + ": expected a number of lines per second (got '" + args[i]
          + "')");
    }
    try {
      return LiveSettings.requireRate(rate);
    } catch (IllegalArgumentException e) {
      throw new BadArgument(what + ": expected a number above 0 and at most "
          + (long) LiveSettings.MAX_RATE + " (got '" + args[i] + "')");
    }
  }

  /**
   * A directory.
   *
   * @param i its position
   * @param what its name, as the usage line shows it
   * @param absent the value when the argument is not given
   * @return the path
   */
  Path path(int i, String what, String absent) {
    String text = i < args.length ? args[i] : absent;
    try {
      if (text.isEmpty()) {
        throw new InvalidPathException(text, "empty");
      }
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new BadArgument(what + ": expected a path (got '" + text + "': " + e.getReason()
          + ")");
    }
  }

  /** A bad argument: its message names it, its value and what was expected. */
  private static final class BadArgument extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadArgument(String message) {
      super(message, null, false, false);
    }
  }
}
