package org.huhang;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries and writes the module documentation to target/spring-modulith-docs.
 * The documenter reads the Javadoc index with a naive JSON parser: a Javadoc whose braces or
 * parentheses do not balance (such as an {@code @param} inside inline code) breaks it.
 */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(HuhangApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeDocumentation();
  }
}
