package org.huhang.shared.web;

import java.util.List;
import org.huhang.shared.Actor;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page's layout needs: the words, the CSRF token, the acting user (null on the login
 * page), the menu it may use, the numbers beside its entries and the path being shown.
 */
public record Frame(
    Messages i18n,
    CsrfToken csrf,
    Actor actor,
    List<MenuEntry> menu,
    String path,
    MenuBadges badges) {

  public Frame(Messages i18n, CsrfToken csrf, Actor actor, List<MenuEntry> menu, String path) {
    this(i18n, csrf, actor, menu, path, MenuBadges.none());
  }

  /** The number beside a menu entry (unread messages); 0 for none. */
  public long badge(MenuEntry entry) {
    return badges.count(entry);
  }

  public String t(String key) {
    return i18n.lookup(key);
  }

  public String t(String key, Object... args) {
    return i18n.text(key, args);
  }

  /**
   * The entry whose address is the longest prefix of the page shown (/registrations/board, not
   * /registrations).
   */
  public boolean active(MenuEntry entry) {
    return menu.stream()
        .filter(m -> matches(m.href()))
        .max(java.util.Comparator.comparingInt(m -> m.href().length()))
        .map(m -> m.equals(entry))
        .orElse(false);
  }

  private boolean matches(String href) {
    return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
  }

  /**
   * A new one-time token for a form ({@code _submission}): the same form sent twice with the same
   * fields is answered once ({@code IdempotentRequests}).
   */
  public String submissionToken() {
    return java.util.UUID.randomUUID().toString();
  }

  /** The htmx request header that carries the CSRF token, as JSON for {@code hx-headers}. */
  public String csrfHeaders() {
    if (csrf == null) {
      return "{}";
    }
    return "{\"" + csrf.getHeaderName() + "\": \"" + csrf.getToken() + "\"}";
  }

  public String roleLabel() {
    return actor == null ? "" : t("role." + actor.role().name());
  }
}
