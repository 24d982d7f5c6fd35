package org.huhang.volunteer;

import java.util.UUID;

/**
 * A volunteer as another module lists it for choosing and grouping: name, where it serves (its
 * region path, e.g. a county's discussion group) and the user account linked to it, if any, and
 * whether it serves now.
 */
public record VolunteerRef(
    VolunteerId id,
    String name,
    String regionPath,
    UUID userId,
    boolean active,
    Background background,
    String phoneMasked) {

  /**
   * The last four digits of the (already masked) mobile number: with the background, what tells two
   * volunteers of the same name apart in a choice list, as 尾号 does on any Chinese form.
   */
  public String phoneTail() {
    if (phoneMasked == null || phoneMasked.length() < 4) {
      return "";
    }
    return phoneMasked.substring(phoneMasked.length() - 4);
  }
}
