package org.huhang.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

class EmbeddedDatabaseConditionTest {

  @Configuration(proxyBeanMethods = false)
  @Conditional(EmbeddedDatabaseCondition.class)
  static class OnlyWithoutUrl {
    @Bean
    String embeddedMarker() {
      return "embedded";
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(OnlyWithoutUrl.class);

  @Test
  void noUrlMeansEmbedded() {
    runner.run(context -> assertThat(context).hasBean("embeddedMarker"));
  }

  @Test
  void anEmptyUrlStillMeansEmbedded() {
    runner
        .withPropertyValues("spring.datasource.url=  ")
        .run(context -> assertThat(context).hasBean("embeddedMarker"));
  }

  @Test
  void aUrlMeansExternal() {
    runner
        .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/huhang")
        .run(context -> assertThat(context).doesNotHaveBean("embeddedMarker"));
  }
}
