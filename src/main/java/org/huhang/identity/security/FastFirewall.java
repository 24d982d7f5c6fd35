package org.huhang.identity.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own rules for header and parameter names and values,
 * checked by a loop instead of its regular expressions: every header value (a session cookie, the
 * browser's Accept) was matched again each time anything read a header, which cost more than a
 * list's query (issue 13). The rules are the same: any assigned character except controls, and in a
 * header value also the tab ({@code FastFirewallTest} compares them with the expressions).
 */
final class FastFirewall {

  private FastFirewall() {}

  static StrictHttpFirewall create() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(FastFirewall::assignedAndNotControl);
    firewall.setAllowedHeaderValues(FastFirewall::headerValue);
    firewall.setAllowedParameterNames(FastFirewall::assignedAndNotControl);
    return firewall;
  }

  /** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
  static boolean assignedAndNotControl(String text) {
    return allowed(text, false);
  }

  /** {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
  static boolean headerValue(String text) {
    return allowed(text, true);
  }

  private static boolean allowed(String text, boolean tab) {
    for (int i = 0, n = text.length(); i < n; ) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && cp == '\t'))) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
