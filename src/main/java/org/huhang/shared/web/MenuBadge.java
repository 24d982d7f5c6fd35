package org.huhang.shared.web;

import org.huhang.shared.Actor;

/**
 * A number beside a menu entry (the unread messages beside 消息), contributed as a bean by the module
 * that owns the entry. Asked at most once per page, and only when a full page draws the menu, never
 * for an htmx fragment: keep it one indexed count.
 */
public interface MenuBadge {

  /** The {@link MenuEntry#href()} it stands beside. */
  String href();

  long count(Actor actor);
}
