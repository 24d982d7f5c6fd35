package org.huhang.identity.security;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Two filter chains: the REST API and actuator with HTTP Basic (and personal API tokens as Bearer
 * on /api/v1/**), stateless and without CSRF (no cookies to forge); everything else with the form
 * login, CSRF and JDBC-backed sessions.
 *
 * <p>Only a login creates a session: the CSRF token lives in an HttpOnly cookie (issued once at
 * login, so parallel first requests neither write session attributes nor race to create one) and
 * the page asked for before the login is remembered in a cookie too. Both chains send a
 * Content-Security-Policy without inline script or style, Referrer-Policy same-origin and a
 * Permissions-Policy that denies camera, microphone and location.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  /** The pages' scripts and styles all come from /js, /css and /webjars. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /** Swagger UI (administrators only) sets inline styles of its own. */
  static final String SWAGGER_CONTENT_SECURITY_POLICY =
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

  private static final RequestMatcher SWAGGER =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
          PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));

  private static void headers(HttpSecurity http) throws Exception {
    http.headers(
        h ->
            h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .addHeaderWriter(
                    new DelegatingRequestMatcherHeaderWriter(
                        SWAGGER,
                        (request, response) ->
                            response.setHeader(
                                "Content-Security-Policy", SWAGGER_CONTENT_SECURITY_POLICY))));
  }

  /**
   * Parallel requests of one session update its attributes with PostgreSQL's upsert instead of
   * racing to insert the same attribute (a duplicate key, answered 500).
   */
  @Bean
  PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionUpsert() {
    return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
  }

  /** How long a session's row may keep an older access time when nothing else changed. */
  static final long SESSION_TOUCH_MILLIS = 60_000;

  /**
   * A request that changes nothing in its session does not write it: Spring Session moves the
   * access time on every request and saves the row, a write and a commit waiting for the disk on
   * each page. Here the row's access time (and so its expiry) moves on at most once a minute; a new
   * id (the login), principal or timeout is written at once. An idle session thus ends up to a
   * minute before its 30 minutes, never later. The parameters are the stock query's, in its order.
   */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTouchAtMostEveryMinute() {
    return repository ->
        repository.setUpdateSessionQuery(
            """
            UPDATE %TABLE_NAME% s
            SET SESSION_ID = v.sid, LAST_ACCESS_TIME = v.lat, MAX_INACTIVE_INTERVAL = v.mii,
                EXPIRY_TIME = v.exp, PRINCIPAL_NAME = v.pn
            FROM (SELECT CAST(? AS CHAR(36)) AS sid, CAST(? AS BIGINT) AS lat, CAST(? AS INT) AS mii,
                         CAST(? AS BIGINT) AS exp, CAST(? AS VARCHAR(100)) AS pn,
                         CAST(? AS CHAR(36)) AS pid) v
            WHERE s.PRIMARY_ID = v.pid
              AND (s.SESSION_ID <> v.sid OR s.MAX_INACTIVE_INTERVAL <> v.mii
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.pn
                   OR v.lat - s.LAST_ACCESS_TIME >= """
                + SESSION_TOUCH_MILLIS
                + ")");
  }

  /**
   * The security filters are not observed one by one: with an observation registry present, Spring
   * Security wraps each filter of every request in an observation (a span and timers), which was a
   * sixth of a list's CPU (issue 13). Every request is still timed as a whole by {@code
   * http.server.requests} for Prometheus, and logins are audited.
   */
  @Bean
  SecurityObservationSettings noSecurityFilterObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** The strict firewall, checking names and values without regular expressions. */
  @Bean
  WebSecurityCustomizer fastFirewall() {
    return web -> web.httpFirewall(FastFirewall.create());
  }

  /** /actuator/info carries Chinese text: say its charset (UTF-8) in the Content-Type. */
  @Bean
  FilterRegistrationBean<Filter> actuatorInfoCharset() {
    FilterRegistrationBean<Filter> bean =
        new FilterRegistrationBean<>(
            (request, response, chain) -> {
              response.setCharacterEncoding(StandardCharsets.UTF_8.name());
              chain.doFilter(request, response);
            });
    bean.addUrlPatterns("/actuator/info");
    return bean;
  }

  /**
   * The page asked for before the login, in a cookie (not a session): a full page GET only, not an
   * htmx fragment or the icon.
   */
  private static CookieRequestCache pageAskedForBeforeLogin() {
    CookieRequestCache cache = new CookieRequestCache();
    cache.setRequestMatcher(
        request ->
            "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && !request.getRequestURI().endsWith("/favicon.ico"));
    return cache;
  }

  /** CSRF tokens in an HttpOnly cookie (Secure behind HTTPS): no session for anonymous pages. */
  @Bean
  CookieCsrfTokenRepository csrfTokenRepository() {
    CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
    tokens.setCookieCustomizer(c -> c.sameSite("Lax"));
    return tokens;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      LoginThrottle throttle,
      ProblemResponses problems,
      org.huhang.identity.internal.ApiTokenAuthenticator apiTokens)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/api/v1/login-throttled")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("CITY_ADMIN")
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.realmName("Huhang").authenticationEntryPoint(problems))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(new LoginThrottleFilter(throttle, true), BasicAuthenticationFilter.class)
        // Personal API tokens (Bearer) on /api/v1/** only, checked before Basic.
        .addFilterBefore(
            new BearerTokenFilter(apiTokens, problems), BasicAuthenticationFilter.class);
    headers(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(
      HttpSecurity http, LoginThrottle throttle, CookieCsrfTokenRepository csrfTokens)
      throws Exception {
    XorCsrfTokenRequestAttributeHandler csrfHandler = new XorCsrfTokenRequestAttributeHandler();
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/webjars/**",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico",
                        "/favicon.svg",
                        "/error",
                        "/login",
                        "/login/throttled")
                    .permitAll()
                    // A family's own pages (issue 15): no account; a one-time code proves its
                    // number.
                    .requestMatchers("/book/**")
                    .permitAll()
                    // The API's description names every endpoint: for the city administrator.
                    .requestMatchers(
                        "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                    .hasRole("CITY_ADMIN")
                    .anyRequest()
                    .authenticated())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    .csrfTokenRequestHandler(csrfHandler)
                    .sessionAuthenticationStrategy(
                        (authentication, request, response) -> {
                          // A fresh token at login, stored at once: the first pages after it
                          // (often several in parallel) all render this one.
                          CsrfToken token = csrfTokens.generateToken(request);
                          csrfTokens.saveToken(token, request, response);
                          csrfHandler.handle(request, response, () -> token);
                        }))
        .requestCache(cache -> cache.requestCache(pageAskedForBeforeLogin()))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(
                        (request, response, e) -> {
                          if (request.getAttribute(LoginThrottleFilter.ADDRESS_BLOCKED_SECONDS)
                              instanceof Long seconds) {
                            LoginThrottleFilter.refuse(request, response, seconds, false);
                          } else {
                            response.sendRedirect(request.getContextPath() + "/login?error");
                          }
                        })
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .exceptionHandling(
            ex ->
                // An htmx request whose session ended reloads the page (and so reaches the login
                // page) instead of swapping the login form into a fragment.
                ex.defaultAuthenticationEntryPointFor(
                        new HxRefreshHeaderAuthenticationEntryPoint(),
                        new RequestHeaderRequestMatcher("HX-Request"))
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
        .addFilterBefore(
            new LoginThrottleFilter(throttle, false), UsernamePasswordAuthenticationFilter.class);
    headers(http);
    return http.build();
  }
}
