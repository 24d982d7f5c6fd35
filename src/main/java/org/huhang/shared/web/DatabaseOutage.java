package org.huhang.shared.web;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached (it died, it is failing over, the
 * connection broke), as opposed to a fault in the request: then the answer is 503 with {@code
 * Retry-After}, which clients and the load balancer treat as "try again", never 500.
 */
final class DatabaseOutage {

  private DatabaseOutage() {}

  static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && (lostConnection(sql.getSQLState())
              // Hikari's answer for a connection it closed after it broke: no SQLSTATE.
              || sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage()))) {
        return true;
      }
      // A rollback that failed hides the failure that caused it: look at that one too.
      if (t instanceof org.springframework.transaction.TransactionSystemException tx
          && tx.getApplicationException() != null
          && tx.getApplicationException() != failure
          && is(tx.getApplicationException())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception) and the server going away: 57P01 admin shutdown, 57P02
   * crash shutdown, 57P03 cannot connect now (a standby not yet promoted).
   */
  static boolean lostConnection(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
