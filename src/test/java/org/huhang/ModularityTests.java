package org.huhang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries and writes the module documentation to target/spring-modulith-docs.
 * The documenter reads the Javadoc index with a naive JSON parser: a Javadoc whose braces or
 * parentheses do not balance (such as an {@code @param} inside inline code) breaks it.
 */
class ModularityTests {

  private static final Path DOCS = Path.of("target/spring-modulith-docs");

  private final ApplicationModules modules = ApplicationModules.of(HuhangApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void everyModuleSaysWhatItIsFor() {
    assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .contains("shared", "region", "identity", "audit", "center", "volunteer", "registration");
  }

  @Test
  void writesModuleDocumentationWithTheEventsBetweenModules() throws IOException {
    new Documenter(modules).writeDocumentation();
    assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
    assertThat(DOCS.resolve("all-docs.adoc")).isNotEmptyFile();
    for (ApplicationModule module : modules) {
      String id = module.getIdentifier().toString();
      assertThat(DOCS.resolve("module-" + id + ".puml")).as("diagram of " + id).isNotEmptyFile();
      assertThat(Files.readString(DOCS.resolve("module-" + id + ".adoc")))
          .as("canvas of " + id)
          .contains("org.huhang." + id);
    }
    String registration = Files.readString(DOCS.resolve("module-registration.adoc"));
    assertThat(registration).contains("CounselingRequested").contains("CounselingCaseOpened");
  }
}
