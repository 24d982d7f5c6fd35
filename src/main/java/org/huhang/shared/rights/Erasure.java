package org.huhang.shared.rights;

/**
 * Whether a record may be erased now on the person's request (PIPL art. 47), as its module decides:
 * refused with the reason, or allowed with what goes and what stays. Each is a message key of the
 * owning module.
 */
public record Erasure(String refusedBecause, String removes, String keeps) {

  public static Erasure allowed(String removes, String keeps) {
    return new Erasure(null, removes, keeps);
  }

  public static Erasure refused(String because) {
    return new Erasure(because, null, null);
  }

  public boolean allowed() {
    return refusedBecause == null;
  }
}
