package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Issue 14: a database that went away (failover, a broken connection) answers 503 with Retry-After,
 * as the failover drill met it; a fault of the request itself stays what it was.
 */
class DatabaseOutageTest {

  static SQLException state(String sqlState) {
    return new SQLException("server gone", sqlState);
  }

  @Test
  void aLostConnectionOrAServerGoingAwayIsAnOutage() {
    assertThat(DatabaseOutage.is(new CannotGetJdbcConnectionException("pool", state("08001"))))
        .isTrue();
    assertThat(DatabaseOutage.is(new CannotCreateTransactionException("begin"))).isTrue();
    // A commit whose connection broke: the outcome is unknown, the answer is "try again".
    assertThat(
            DatabaseOutage.is(
                new TransactionSystemException("commit", new RuntimeException(state("08006")))))
        .isTrue();
    assertThat(DatabaseOutage.is(new TransactionSystemException("x", state("57P01")))).isTrue();
    // As the failover drill met it: the statement's connection broke (08006), Hikari closed it,
    // and the rollback that followed failed on the closed connection, hiding the first failure.
    TransactionSystemException rollback =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    rollback.initApplicationException(
        new org.springframework.dao.DataAccessResourceFailureException("I/O", state("08006")));
    assertThat(DatabaseOutage.is(rollback)).isTrue();
    assertThat(
            DatabaseOutage.is(
                new TransactionSystemException("x", new SQLException("Connection is closed"))))
        .isTrue();
    assertThat(DatabaseOutage.is(new TransactionSystemException("x", state("57P03")))).isTrue();
  }

  @Test
  void aFaultOfTheRequestIsNot() {
    assertThat(DatabaseOutage.is(new DuplicateKeyException("taken", state("23505")))).isFalse();
    assertThat(DatabaseOutage.is(new TransactionSystemException("x", state("40001")))).isFalse();
    assertThat(DatabaseOutage.is(new IllegalStateException("x"))).isFalse();
    assertThat(DatabaseOutage.lostConnection(null)).isFalse();
  }

  @Test
  void theApiAnswers503WithRetryAfterAndLetsOtherFailuresThrough() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages/shared");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    ApiExceptionHandler handler = new ApiExceptionHandler(messages);
    org.springframework.context.i18n.LocaleContextHolder.setLocale(
        java.util.Locale.SIMPLIFIED_CHINESE);
    org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> answer;
    try {
      answer = handler.database(new CannotGetJdbcConnectionException("pool", state("08001")));
    } finally {
      org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(answer.getBody().getDetail()).contains("数据库");
    DuplicateKeyException taken = new DuplicateKeyException("taken", state("23505"));
    assertThatThrownBy(() -> handler.database(taken)).isSameAs(taken);
  }
}
