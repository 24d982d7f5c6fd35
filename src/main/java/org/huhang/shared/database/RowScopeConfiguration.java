package org.huhang.shared.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.sql.DataSource;
import org.huhang.shared.CurrentActor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application's side of the second wall (V43): its connections carry the caller's scope ({@link
 * ScopedDataSource} around the pool), and a staff request's thread holds its user's scope from
 * right after Spring Security has authenticated it ({@code -100}) to the end of the request, before
 * the idempotency filter ({@code -90}) opens the transaction the whole request may run in.
 */
@Configuration(proxyBeanMethods = false)
class RowScopeConfiguration {

  static final int FILTER_ORDER = -95;

  /**
   * Wraps the pool before anything else sees it (the standby's routing wraps it in turn): declared
   * as its own type, so the context sees it is ordered before it makes it.
   */
  @Bean
  static ScopedConnections scopedConnections() {
    return new ScopedConnections();
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> rowScopeFilter() {
    FilterRegistrationBean<OncePerRequestFilter> bean =
        new FilterRegistrationBean<>(new RowScopeFilter());
    bean.setOrder(FILTER_ORDER);
    return bean;
  }

  static final class ScopedConnections implements BeanPostProcessor, PriorityOrdered {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      if (bean instanceof DataSource pool
          && "dataSource".equals(beanName)
          && !(bean instanceof ScopedDataSource)) {
        return new ScopedDataSource(pool);
      }
      return bean;
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  /** Holds the authenticated user's scope on the request's thread; none for anonymous requests. */
  static final class RowScopeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // Reading the user may load the session (a connection in the system scope): before entering.
      var actor = CurrentActor.find();
      if (actor.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      RowScope.enter(actor.get().scope().regionPath());
      try {
        chain.doFilter(request, response);
      } finally {
        RowScope.leave();
      }
    }
  }
}
