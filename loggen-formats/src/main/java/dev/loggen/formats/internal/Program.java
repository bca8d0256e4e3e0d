package dev.loggen.formats.internal;

import java.util.List;

/**
 * A compiled format string: the list of literal and field steps a renderer runs for each
 * event and a parser matches against each line. Immutable.
 */
final class Program {
  /**
   * The most fields a format may have. The parser matches a line one field deeper at a time, two
   * stack frames a field, up to about 600 bytes (measured while the JIT compiles the parser):
   * 256 fields take at most about 150 kB of a thread's usual 1 MB stack, which 2,000 fields
   * overflowed.
   */
  static final int MAX_FIELDS = 256;

  final String kind;
  final String source;
  final Item[] items;

  /**
   * Compiles the steps of a format.
   *
   * @throws IllegalArgumentException when the format has more than {@link #MAX_FIELDS} fields
   */
  Program(String kind, String source, List<Item> items) {
    this.kind = kind;
    this.source = source;
    this.items = merge(items);
    checkFieldCount();
  }

  /** Joins adjacent literals so the renderer copies them at once. */
  private static Item[] merge(List<Item> items) {
    java.util.ArrayList<Item> out = new java.util.ArrayList<>();
    for (Item it : items) {
      int last = out.size() - 1;
      if (it.isLiteral() && last >= 0 && out.get(last).isLiteral()) {
        Item prev = out.get(last);
        out.set(last, Item.literal(prev.name + it.name, prev.position));
      } else if (!(it.isLiteral() && it.name.isEmpty())) {
        out.add(it);
      }
    }
    return out.toArray(new Item[0]);
  }

  /** Refuses more fields than {@link #MAX_FIELDS}, saying where the first one too many is. */
  private void checkFieldCount() {
    int fields = 0;
    int firstExtra = 0;
    for (Item it : items) {
      if (!it.isLiteral() && ++fields == MAX_FIELDS + 1) {
        firstExtra = it.position;
      }
    }
    if (fields > MAX_FIELDS) {
      throw FormatError.at(kind, source, firstExtra, fields + " fields, more than the "
          + MAX_FIELDS + " a format may have; the " + (MAX_FIELDS + 1) + "th is");
    }
  }
}
