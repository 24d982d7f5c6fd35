package org.huhang.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out the pool's connections with {@code huhang.scope} set to the current thread's {@link
 * RowScope}, so the row-level security policies (V43) see whose request it is. Set on every
 * checkout, never left over from the connection's previous user; a setting that could not be made
 * closes the connection rather than hand it out unscoped.
 */
final class ScopedDataSource extends DelegatingDataSource implements AutoCloseable {

  ScopedDataSource(DataSource pool) {
    super(pool);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return scoped(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return scoped(super.getConnection(username, password));
  }

  private static Connection scoped(Connection connection) throws SQLException {
    try (PreparedStatement set =
        connection.prepareStatement("select set_config('huhang.scope', ?, false)")) {
      set.setString(1, RowScope.current());
      set.execute();
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Closes the pool when the context closes this bean. */
  @Override
  public void close() throws Exception {
    if (getTargetDataSource() instanceof AutoCloseable pool) {
      pool.close();
    }
  }
}
