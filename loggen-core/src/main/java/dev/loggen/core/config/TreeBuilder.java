package dev.loggen.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns a snakeyaml-engine node tree into a {@link ConfigNode} tree: 1-based positions, key
 * paths, aliases expanded (each use gets its own path and the position of the anchored value),
 * merge keys expanded, duplicate keys, unsupported tags (of values and of keys) and recursive
 * aliases reported.
 *
 * <p>A merge key ({@code <<: *defaults}, or a list of aliases), which YAML 1.1 and PyYAML read
 * (so the old tool's files may hold them) and YAML 1.2 leaves out, adds the entries of the
 * mappings it names that the mapping does not give itself; of several mappings, the first that
 * gives a key wins. The merged values keep the positions of the anchored values and take the
 * key paths of the mapping they are merged into.
 */
final class TreeBuilder {
  private static final Set<Tag> STANDARD = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL,
      Tag.NULL, Tag.SEQ, Tag.MAP);
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

  private final Diagnostics diagnostics;
  private final String source;
  private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
  private int count;

  TreeBuilder(Diagnostics diagnostics, String source) {
    this.diagnostics = diagnostics;
    this.source = source;
  }

  ConfigNode build(Node root) {
    return build(root, "", 0);
  }

  private ConfigNode build(Node node, String path, int depth) {
    int line = node.getStartMark().map(Mark::getLine).orElse(0) + 1;
    int column = node.getStartMark().map(Mark::getColumn).orElse(0) + 1;
    if (++count > YamlConfig.MAX_NODES) {
      throw new ConfigException(new ConfigError(source, line, column, path,
          "the file holds more than " + YamlConfig.MAX_NODES
              + " values once aliases are expanded (an alias bomb?)"));
    }
    if (depth > YamlConfig.MAX_DEPTH) {
      throw new ConfigException(new ConfigError(source, line, column, path,
          "lists and mappings are nested more than " + YamlConfig.MAX_DEPTH
              + " levels deep once aliases are expanded"));
    }
    checkTag(node, line, column, path);
    if (onPath.containsKey(node)) {
      diagnostics.error(new ConfigError(source, line, column, path,
          "recursive alias: this value contains itself"));
      return new ConfigNode(diagnostics, source, line, column, path, ConfigNode.Kind.MISSING,
          null, List.of(), Map.of());
    }
    if (node instanceof ScalarNode s) {
      boolean isNull = node.getTag().equals(Tag.NULL) || (s.isPlain()
          && NULLS.contains(s.getValue()));
      return new ConfigNode(diagnostics, source, line, column, path,
          isNull ? ConfigNode.Kind.NULL : ConfigNode.Kind.SCALAR, isNull ? null : s.getValue(),
          List.of(), Map.of());
    }
    onPath.put(node, Boolean.TRUE);
    try {
      if (node instanceof SequenceNode seq) {
        List<ConfigNode> elements = new ArrayList<>();
        int i = 0;
        for (Node child : seq.getValue()) {
          elements.add(build(child, path + "[" + i++ + "]", depth + 1));
        }
        return new ConfigNode(diagnostics, source, line, column, path,
            ConfigNode.Kind.SEQUENCE, null, List.copyOf(elements), Map.of());
      }
      MappingNode map = (MappingNode) node;
      Map<String, ConfigNode> entries = new LinkedHashMap<>();
      Set<String> given = new HashSet<>();
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode ks && !isMergeKey(ks)) {
          given.add(ks.getValue());
        }
      }
      int mergeLine = 0; // the line of the first merge key, 0 before it
      for (NodeTuple t : map.getValue()) {
        Node k = t.getKeyNode();
        int kl = k.getStartMark().map(Mark::getLine).orElse(0) + 1;
        int kc = k.getStartMark().map(Mark::getColumn).orElse(0) + 1;
        if (!(k instanceof ScalarNode ks)) {
          diagnostics.error(new ConfigError(source, kl, kc, path,
              "a key must be a plain name (got a " + (k instanceof SequenceNode ? "list"
                  : "mapping") + ")"));
          continue;
        }
        String key = ks.getValue();
        String childPath = ConfigNode.childPath(path, key);
        if (!checkTag(ks, kl, kc, childPath)) {
          continue; // '!!binary c2VlZA==' is not the key 'c2VlZA==': the entry is left out
        }
        if (isMergeKey(ks)) {
          if (mergeLine > 0) {
            duplicateKey(kl, kc, childPath, key, mergeLine);
            continue;
          }
          mergeLine = kl;
          merge(t.getValueNode(), path, childPath, depth, given, entries);
          continue;
        }
        if (ks.isPlain() && NULLS.contains(key)) {
          diagnostics.error(new ConfigError(source, kl, kc, path, "a key must not be empty"));
          continue;
        }
        ConfigNode first = entries.get(key);
        if (first != null) {
          duplicateKey(kl, kc, childPath, key, first.keyNode().line());
          continue;
        }
        ConfigNode value = build(t.getValueNode(), childPath, depth + 1);
        value.keyNode(new ConfigNode(diagnostics, source, kl, kc, childPath,
            ConfigNode.Kind.SCALAR, key, List.of(), Map.of()));
        entries.put(key, value);
      }
      return new ConfigNode(diagnostics, source, line, column, path, ConfigNode.Kind.MAPPING,
          null, List.of(), entries);
    } finally {
      onPath.remove(node);
    }
  }

  private void duplicateKey(int line, int column, String path, String key, int firstLine) {
    diagnostics.error(new ConfigError(source, line, column, path, "duplicate key '" + key
        + "' (first given at line " + firstLine + ")"));
  }

  /**
   * Whether {@code key} is a merge key: a plain {@code <<} without a tag ({@code !!str <<} is an
   * ordinary key, as in PyYAML).
   */
  private static boolean isMergeKey(ScalarNode key) {
    return key.isPlain() && key.isResolved() && key.getValue().equals("<<");
  }

  /**
   * Reports the tag of {@code node} (a value or a key) unless it is a standard one.
   *
   * @return whether the tag is a standard one
   */
  private boolean checkTag(Node node, int line, int column, String path) {
    if (STANDARD.contains(node.getTag())) {
      return true;
    }
    diagnostics.error(new ConfigError(source, line, column, path, "tag '"
        + display(node.getTag()) + "' is not supported: loggen reads plain YAML values only"));
    return false;
  }

  /**
   * Adds to {@code entries} the entries of the mapping or mappings {@code value} names that
   * the mapping at {@code path} does not give itself ({@code given}) nor got from an earlier
   * one. Each item that is not a mapping is reported where it is, at {@code keyPath} (with its
   * index in a list).
   */
  private void merge(Node value, String path, String keyPath, int depth, Set<String> given,
      Map<String, ConfigNode> entries) {
    boolean isList = value instanceof SequenceNode;
    List<Node> sources = isList ? ((SequenceNode) value).getValue() : List.of(value);
    int i = 0;
    for (Node source : sources) {
      String sourcePath = isList ? keyPath + "[" + i + "]" : keyPath;
      i++;
      if (!(source instanceof MappingNode)) {
        ConfigNode bad = build(source, sourcePath, depth + 1);
        bad.error("a merge key ('<<') takes a mapping or a list of mappings, such as"
            + " '<<: *defaults' (got " + bad.describe() + ")");
        continue;
      }
      ConfigNode merged = build(source, path, depth + 1);
      for (Map.Entry<String, ConfigNode> e : merged.map().entrySet()) {
        if (!given.contains(e.getKey())) {
          entries.putIfAbsent(e.getKey(), e.getValue());
        }
      }
    }
  }

  private static String display(Tag tag) {
    String v = tag.getValue();
    return v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v;
  }
}
