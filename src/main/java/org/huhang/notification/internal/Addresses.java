package org.huhang.notification.internal;

import java.util.Locale;

/** One spelling of a recipient's address, so that its opt-out hash always matches. */
final class Addresses {

  private Addresses() {}

  static String normal(String address) {
    String a = address.strip();
    return a.contains("@") ? a.toLowerCase(Locale.ROOT) : a.replaceAll("[\\s-]", "");
  }
}
