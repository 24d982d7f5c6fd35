package org.huhang.shared;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huhang.HuhangApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Huhang as every benchmark starts it: on a random port and a throw-away embedded PostgreSQL under
 * {@code dir} (removed on close) with its own data key, logging warnings only, plus the benchmark's
 * own arguments (whether the Binzhou history loads, for one).
 */
public final class BenchApp {

  private BenchApp() {}

  public static ConfigurableApplicationContext start(Path dir, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--huhang.embedded-database.data-directory=" + dir.resolve("postgres"),
                "--huhang.embedded-database.clean-on-close=true",
                "--huhang.data-key-file=" + dir.resolve("data.key"),
                "--logging.level.root=WARN"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(HuhangApplication.class).run(args.toArray(String[]::new));
  }
}
