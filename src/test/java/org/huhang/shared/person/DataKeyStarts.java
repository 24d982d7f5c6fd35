package org.huhang.shared.person;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A start-up's data key check, for tests of other packages: what the configuration bean does. */
public final class DataKeyStarts {

  private DataKeyStarts() {}

  public static PersonalDataProtector start(Environment env, JdbcClient jdbc) {
    return new DataKeyConfiguration().personalDataProtector(env, jdbc);
  }
}
