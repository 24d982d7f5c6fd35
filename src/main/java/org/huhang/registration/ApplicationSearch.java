package org.huhang.registration;

import java.time.LocalDate;

/**
 * Filters of the application list; all optional. {@code q} finds a party by name (characters,
 * pinyin or initials), by identity number or by phone.
 */
public record ApplicationSearch(
    String q,
    Outcome outcome,
    Boolean counselingAccepted,
    LocalDate from,
    LocalDate to,
    Integer page,
    Integer size) {

  public ApplicationSearch {
    q = q == null || q.isBlank() ? null : q.strip();
  }

  /** The filters as a query string ("?q=…&outcome=…"), for a link that keeps them. */
  public String queryString() {
    StringBuilder s = new StringBuilder();
    append(s, "q", q);
    append(s, "outcome", outcome == null ? null : outcome.name());
    append(
        s, "counselingAccepted", counselingAccepted == null ? null : counselingAccepted.toString());
    append(s, "from", from == null ? null : from.toString());
    append(s, "to", to == null ? null : to.toString());
    return s.toString();
  }

  private static void append(StringBuilder s, String name, String value) {
    if (value != null) {
      s.append(s.length() == 0 ? '?' : '&')
          .append(name)
          .append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Whether any filter is set, so that an empty list can say "none yet" rather than "no match". */
  public boolean filtered() {
    return q != null || outcome != null || counselingAccepted != null || from != null || to != null;
  }
}
