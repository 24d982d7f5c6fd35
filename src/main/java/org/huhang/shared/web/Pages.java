package org.huhang.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** Picks what one handler renders: the whole page, or the fragment an htmx request swaps in. */
public final class Pages {

  private Pages() {}

  /**
   * The partial for an htmx request that swaps a fragment (filters, paging); the whole page for a
   * normal or boosted request, a reload or a bookmark of the same address.
   */
  public static String fullOrPartial(HtmxRequest htmx, String page, String partial) {
    return isPartial(htmx) ? partial : page;
  }

  /** Whether the request swaps a fragment rather than loading a page. */
  public static boolean isPartial(HtmxRequest htmx) {
    return htmx.isHtmxRequest() && !htmx.isBoosted();
  }
}
