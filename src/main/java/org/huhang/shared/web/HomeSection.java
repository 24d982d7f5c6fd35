package org.huhang.shared.web;

import java.util.List;
import java.util.Optional;
import org.huhang.shared.Actor;

/**
 * Something a module wants the user to see on its start page (certificates about to expire,
 * deadlines this week). Each module contributes a bean; the home page lists what applies.
 */
public interface HomeSection {

  Optional<Panel> forActor(Actor actor);

  /**
   * A titled list; {@code emptyKey} is shown when there is nothing to list, {@code note} (already
   * in the user's words, or null) above the list, as a warning: the figures are incomplete.
   */
  record Panel(int order, String titleKey, String emptyKey, List<Item> items, String note) {

    public Panel(int order, String titleKey, String emptyKey, List<Item> items) {
      this(order, titleKey, emptyKey, items, null);
    }
  }

  /** One line: the text, where it links to, and a note (a date, a count). */
  record Item(String text, String href, String note) {}
}
