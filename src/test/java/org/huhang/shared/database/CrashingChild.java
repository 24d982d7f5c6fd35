package org.huhang.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A JVM that starts the embedded database, commits one row, says READY and waits to be killed with
 * SIGKILL, as a crashed Huhang would be.
 */
public final class CrashingChild {

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(Path.of(args[0]), false);
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table survivor (note text)");
      s.execute("insert into survivor values ('committed before the crash')");
    }
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(600_000);
  }
}
