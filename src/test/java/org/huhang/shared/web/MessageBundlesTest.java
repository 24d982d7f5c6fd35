package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from the bundles: both languages have the same keys, every key a
 * template or class names exists, and templates hold no hard-coded text.
 */
class MessageBundlesTest {

  private static final Path TEMPLATES = Path.of("src/main/jte");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path BUNDLES = Path.of("src/main/resources/messages");

  /** Shown in their own language on purpose: the language switch. */
  private static final Set<String> ALLOWED_TEXT = Set.of("简体中文", "English");

  @Test
  void everyModuleHasItsBundleInBothLanguagesAndItIsConfigured() throws IOException {
    List<String> modules = modules();
    assertThat(modules).contains("shared", "center", "volunteer", "registration");
    for (String module : modules) {
      assertThat(BUNDLES.resolve(module + "_en.properties"))
          .as("English bundle of " + module)
          .exists();
    }
    Properties app = new Properties();
    app.load(Files.newBufferedReader(Path.of("src/main/resources/application.properties")));
    List<String> configured =
        List.of(app.getProperty("spring.messages.basename").split(",")).stream()
            .map(String::strip)
            .toList();
    assertThat(configured)
        .as("spring.messages.basename lists every bundle in src/main/resources/messages")
        .containsExactlyInAnyOrderElementsOf(modules.stream().map(m -> "messages/" + m).toList());
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    for (String module : modules()) {
      Set<String> zh = load(module + ".properties").stringPropertyNames();
      Set<String> en = load(module + "_en.properties").stringPropertyNames();
      assertThat(zh).as(module + " bundle").isNotEmpty();
      assertThat(missing(zh, en)).as("keys of " + module + " missing in English").isEmpty();
      assertThat(missing(en, zh)).as("keys of " + module + " missing in Chinese").isEmpty();
    }
  }

  @Test
  void aKeyLivesInOneModuleOnly() throws IOException {
    Map<String, String> owner = new TreeMap<>();
    List<String> twice = new ArrayList<>();
    for (String module : modules()) {
      for (String key : load(module + ".properties").stringPropertyNames()) {
        String first = owner.putIfAbsent(key, module);
        if (first != null) {
          twice.add(key + " (" + first + ", " + module + ")");
        }
      }
    }
    assertThat(twice).as("keys defined in two bundles").isEmpty();
  }

  @Test
  void everyLiteralKeyInCodeAndTemplatesExists() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String module : modules()) {
      keys.addAll(load(module + ".properties").stringPropertyNames());
    }
    Pattern literal =
        Pattern.compile("(?:t|text|localize|lookup|getMessage)\\(\"([a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"");
    Pattern annotation = Pattern.compile("message = \"\\{([a-zA-Z.]+)}\"");
    Pattern domain =
        Pattern.compile(
            "(?:FieldProblem\\(|DomainException\\.of\\()[^,]*, \"([a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"");
    Set<String> used = new TreeSet<>();
    for (Path file : files(TEMPLATES, ".jte")) {
      collect(literal, Files.readString(file), used);
    }
    for (Path file : files(SOURCES, ".java")) {
      String src = Files.readString(file);
      collect(literal, src, used);
      collect(annotation, src, used);
      collect(domain, src, used);
    }
    assertThat(used).isNotEmpty();
    assertThat(missing(used, keys)).as("message keys used but not defined").isEmpty();
  }

  @Test
  void templatesHoldNoHardCodedText() throws IOException {
    List<String> offences = new ArrayList<>();
    Pattern textNode = Pattern.compile(">([^<>]*)<");
    Pattern attribute = Pattern.compile("\\b(placeholder|title|aria-label|alt)=\"([^\"]*)\"");
    for (Path file : files(TEMPLATES, ".jte")) {
      String markup = stripTemplateCode(Files.readString(file));
      for (Pattern p : List.of(textNode, attribute)) {
        Matcher m = p.matcher(markup);
        while (m.find()) {
          String text = m.group(m.groupCount()).strip();
          if (!ALLOWED_TEXT.contains(text) && text.codePoints().anyMatch(Character::isLetter)) {
            offences.add(TEMPLATES.relativize(file) + ": " + text);
          }
        }
      }
    }
    assertThat(offences).as("text written into templates instead of the message bundles").isEmpty();
  }

  @Test
  void theCheckCatchesHardCodedText() {
    String markup =
        stripTemplateCode(
            "@param Frame frame\n<p>${frame.t(\"a.b\")}</p><h1>保存</h1><i title=\"Close\"></i>");
    assertThat(markup).contains("保存").contains("Close").doesNotContain("a.b");
  }

  /** Leaves only the markup: drops declarations, expressions and template control code. */
  static String stripTemplateCode(String src) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < src.length()) {
      if (src.startsWith("@import", i) || src.startsWith("@param", i)) {
        i = endOfLine(src, i);
      } else if (src.startsWith("${", i) || src.startsWith("!{", i)) {
        i = skipBalanced(src, src.indexOf('{', i), '{', '}');
        out.append(' ');
      } else if (src.startsWith("$unsafe{", i)) {
        i = skipBalanced(src, i + 7, '{', '}');
        out.append(' ');
      } else if (src.startsWith("@template.", i)) {
        int open = src.indexOf('(', i);
        i = copyContentBlocks(src, open, out);
      } else if (src.startsWith("@if(", i)
          || src.startsWith("@elseif(", i)
          || src.startsWith("@for(", i)) {
        i = skipBalanced(src, src.indexOf('(', i), '(', ')');
      } else if (src.startsWith("@else", i)
          || src.startsWith("@endif", i)
          || src.startsWith("@endfor", i)) {
        i =
            src.startsWith("@else", i) && !src.startsWith("@elseif", i)
                ? i + 5
                : i + (src.startsWith("@endfor", i) ? 7 : 6);
      } else {
        out.append(src.charAt(i++));
      }
    }
    return out.toString();
  }

  /** Skips a template call's arguments but keeps the markup of its {@code @`…`} content blocks. */
  private static int copyContentBlocks(String src, int open, StringBuilder out) {
    int depth = 0;
    int i = open;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '"') {
        i = skipString(src, i);
        continue;
      }
      if (src.startsWith("@`", i)) {
        int end = closingBacktick(src, i + 2);
        out.append(stripTemplateCode(src.substring(i + 2, end)));
        i = end + 1;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
      i++;
    }
    return i;
  }

  private static int closingBacktick(String src, int from) {
    int nested = 0;
    for (int i = from; i < src.length(); i++) {
      if (src.startsWith("@`", i)) {
        nested++;
        i++;
      } else if (src.charAt(i) == '`') {
        if (nested == 0) {
          return i;
        }
        nested--;
      }
    }
    return src.length();
  }

  private static int skipBalanced(String src, int open, char opening, char closing) {
    int depth = 0;
    int i = open;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '"') {
        i = skipString(src, i);
        continue;
      }
      if (c == opening) {
        depth++;
      } else if (c == closing && --depth == 0) {
        return i + 1;
      }
      i++;
    }
    return i;
  }

  private static int skipString(String src, int quote) {
    int i = quote + 1;
    while (i < src.length() && src.charAt(i) != '"') {
      i += src.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static int endOfLine(String src, int i) {
    int nl = src.indexOf('\n', i);
    return nl < 0 ? src.length() : nl + 1;
  }

  private static void collect(Pattern p, String text, Set<String> into) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  private static Set<String> missing(Set<String> from, Set<String> in) {
    Set<String> result = new TreeSet<>(from);
    result.removeAll(in);
    return result;
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }

  /** The modules with a bundle: one file per module in src/main/resources/messages. */
  private static List<String> modules() throws IOException {
    try (Stream<Path> list = Files.list(BUNDLES)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".properties") && !n.contains("_"))
          .map(n -> n.substring(0, n.length() - ".properties".length()))
          .sorted()
          .toList();
    }
  }

  private static Properties load(String name) throws IOException {
    Properties props = new Properties();
    try (InputStream in =
        MessageBundlesTest.class.getClassLoader().getResourceAsStream("messages/" + name)) {
      assertThat(in).as(name).isNotNull();
      props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return props;
  }
}
