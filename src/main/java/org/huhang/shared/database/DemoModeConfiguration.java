package org.huhang.shared.database;

import org.huhang.shared.DemoMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** The demo data set is the default on the embedded database and opt-in on an external one. */
@Configuration(proxyBeanMethods = false)
class DemoModeConfiguration {

  @Bean
  DemoMode demoMode(Environment env) {
    boolean embedded = !StringUtils.hasText(env.getProperty("spring.datasource.url"));
    return new DemoMode(env.getProperty("huhang.demo", Boolean.class, embedded));
  }
}
