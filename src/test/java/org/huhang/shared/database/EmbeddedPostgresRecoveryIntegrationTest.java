package org.huhang.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * After {@code kill -9} of the JVM the postmaster lives on, re-parented to PID 1. The next start on
 * the same directory must stop it and come up with every committed row; while the first JVM is
 * alive, a second one must refuse the directory.
 */
class EmbeddedPostgresRecoveryIntegrationTest {

  @Test
  void recoversCommittedDataAfterKillMinusNine() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-postgres-");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashingChild.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
      String line;
      while ((line = out.readLine()) != null && !line.contains("READY")) {
        // wait for the child to have committed its row
      }
      assertThat(line).as("child output").isEqualTo("READY");

      assertThatThrownBy(() -> EmbeddedPostgresLauncher.start(dir, false))
          .hasMessageContaining("另一个 Huhang 进程");

      child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop of PostgreSQL
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(dir.resolve("postmaster.pid")).exists();

      try (EmbeddedPostgres restarted = EmbeddedPostgresLauncher.start(dir, false);
          Connection c = restarted.getPostgresDatabase().getConnection();
          ResultSet rs = c.createStatement().executeQuery("select note from survivor")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("committed before the crash");
      }
    } finally {
      child.destroyForcibly();
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
  }
}
