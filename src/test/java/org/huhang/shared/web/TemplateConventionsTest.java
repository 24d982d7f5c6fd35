package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The habits ARCHITECTURE.md asks of every module's pages, kept by a test so that the next module
 * cannot slip back: the CSRF token through its partial, the page-or-partial choice through {@link
 * Pages}, no inline style (the Content-Security-Policy ignores it).
 */
class TemplateConventionsTest {

  @Test
  void onlyTheCsrfPartialWritesTheTokenField() throws IOException {
    List<String> offences = new ArrayList<>();
    for (Path file : files(Path.of("src/main/jte"), ".jte")) {
      if (!file.endsWith(Path.of("shared/csrf.jte"))
          && Files.readString(file).contains("frame.csrf().getParameterName()")) {
        offences.add(file.toString());
      }
    }
    assertThat(offences).as("use @template.shared.csrf(frame = frame)").isEmpty();
  }

  @Test
  void onlyPagesDecidesBetweenThePageAndItsPartial() throws IOException {
    List<String> offences = new ArrayList<>();
    for (Path file : files(Path.of("src/main/java"), ".java")) {
      if (!file.endsWith(Path.of("shared/web/Pages.java"))
          && Files.readString(file).contains("isBoosted()")) {
        offences.add(file.toString());
      }
    }
    assertThat(offences).as("use Pages.fullOrPartial or Pages.isPartial").isEmpty();
  }

  /**
   * The Content-Security-Policy allows no inline style: a {@code style} attribute is silently
   * ignored by the browser (notes ran into one line that way). Classes in huhang.css instead.
   */
  @Test
  void noTemplateWritesAnInlineStyle() throws IOException {
    List<String> offences = new ArrayList<>();
    java.util.regex.Pattern inline = java.util.regex.Pattern.compile("\\sstyle\\s*=");
    for (Path file : files(Path.of("src/main/jte"), ".jte")) {
      if (inline.matcher(Files.readString(file)).find()) {
        offences.add(file.toString());
      }
    }
    assertThat(offences).as("use a class in static/css/huhang.css").isEmpty();
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }
}
