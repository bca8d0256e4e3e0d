package dev.loggen.formats.internal;

import java.util.List;

/**
 * A compiled format string: the list of literal and field steps a renderer runs for each
 * event and a parser matches against each line. Immutable.
 */
final class Program {
  final String kind;
  final String source;
  final Item[] items;

  Program(String kind, String source, List<Item> items) {
    this.kind = kind;
    this.source = source;
    this.items = merge(items);
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
}
