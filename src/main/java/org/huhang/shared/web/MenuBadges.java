package org.huhang.shared.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huhang.shared.Actor;

/** The badges of one page's menu, each counted the first time the layout asks for it. */
public final class MenuBadges {

  private final Actor actor;
  private final List<MenuBadge> badges;
  private final Map<String, Long> counted = new HashMap<>();

  MenuBadges(Actor actor, List<MenuBadge> badges) {
    this.actor = actor;
    this.badges = badges;
  }

  static MenuBadges none() {
    return new MenuBadges(null, List.of());
  }

  /** The entry's number, 0 when it has none. */
  public long count(MenuEntry entry) {
    if (actor == null) {
      return 0;
    }
    return counted.computeIfAbsent(
        entry.href(),
        href ->
            badges.stream()
                .filter(b -> b.href().equals(href))
                .mapToLong(b -> b.count(actor))
                .sum());
  }
}
