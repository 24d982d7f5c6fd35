package org.huhang.shared.web;

import java.util.Set;
import org.huhang.shared.Role;

/**
 * One item of the left menu, contributed as a bean by the module that owns the page. The menu shows
 * an item only to the roles listed.
 */
public record MenuEntry(int order, String labelKey, String href, Set<Role> roles) {

  public boolean visibleTo(Role role) {
    return roles.contains(role);
  }
}
