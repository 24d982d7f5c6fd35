package org.huhang.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.StringUtils;

/**
 * With {@code HUHANG_REPLICA_URL} (property {@code huhang.replica.url}) set to a PostgreSQL
 * streaming standby, read-only transactions (the figures, the dashboards, every list and page that
 * only reads) take their connection from the standby and everything else from the primary: the
 * application's DataSource becomes a {@link LazyConnectionDataSourceProxy} whose read-only
 * DataSource is a pool on the standby, so the choice is made when a transaction first runs a
 * statement, after it was marked read-only. User and password default to the primary's ({@code
 * huhang.replica.username}, {@code huhang.replica.password} override them). A user who writes and
 * then reads expects to see the write: run the standby synchronously with {@code synchronous_commit
 * = remote_apply} (see docs/SCALING.md), or a read may briefly miss it. Without the property
 * nothing changes.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

  @Bean
  static BeanPostProcessor readReplicaRouting(Environment env) {
    return new Routing(env);
  }

  private static final class Routing implements BeanPostProcessor, DisposableBean {

    private final Environment env;
    private HikariDataSource replica;

    Routing(Environment env) {
      this.env = env;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      String url = env.getProperty("huhang.replica.url");
      if (!(bean instanceof DataSource primary)
          || !"dataSource".equals(beanName)
          || !StringUtils.hasText(url)) {
        return bean;
      }
      // Started on first use, not here: on a new database the application's role (V43) exists
      // only once the migrations ran.
      replica = new HikariDataSource();
      HikariConfig config = replica;
      config.setPoolName("huhang-replica");
      config.setJdbcUrl(url);
      config.setUsername(
          env.getProperty(
              "huhang.replica.username", env.getProperty("spring.datasource.username")));
      config.setPassword(
          env.getProperty(
              "huhang.replica.password", env.getProperty("spring.datasource.password")));
      config.setReadOnly(true);
      config.setMaximumPoolSize(env.getProperty("huhang.replica.pool-size", Integer.class, 10));
      config.setConnectionInitSql(env.getProperty("spring.datasource.hikari.connection-init-sql"));
      Routed routed = new Routed(primary);
      routed.setReadOnlyDataSource(new ScopedDataSource(replica));
      return routed;
    }

    /** Closes the primary's pool when the context closes it under this bean's name. */
    private static final class Routed extends LazyConnectionDataSourceProxy
        implements AutoCloseable {

      Routed(DataSource primary) {
        super(primary);
      }

      @Override
      public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
          pool.close();
        }
      }
    }

    @Override
    public void destroy() {
      if (replica != null) {
        replica.close();
      }
    }
  }
}
