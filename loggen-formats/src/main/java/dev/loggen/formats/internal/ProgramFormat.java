package dev.loggen.formats.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import dev.loggen.formats.LogParser;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A {@link LogFormat} defined by an Apache or nginx format string. Immutable, thread-safe. */
final class ProgramFormat implements LogFormat, HasParser {
  private final String name;
  private final String description;
  private final Program program;

  ProgramFormat(String name, String description, Program program) {
    this.name = name;
    this.description = description;
    this.program = program;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean accepts(AccessEvent event) {
    Objects.requireNonNull(event, "event");
    return true;
  }

  @Override
  public Renderer newRenderer() {
    LogFormat.@Nullable Renderer clf = ClfRenderer.forProgram(program);
    return clf != null ? clf : new ProgramRenderer(program);
  }

  @Override
  public LogParser parser() {
    return new ProgramParser(name, program);
  }

  /** Whether the format prints anything of the event: a directive or variable, not only text. */
  boolean hasFields() {
    for (Item it : program.items) {
      if (!it.isLiteral()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return description;
  }
}
