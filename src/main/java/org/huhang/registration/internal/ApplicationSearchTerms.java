package org.huhang.registration.internal;

import java.util.Locale;
import java.util.Optional;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.PhoneNumber;
import org.huhang.shared.text.ChineseNames;
import org.springframework.stereotype.Component;

/**
 * Reads the list's search box: an identity number (15 to 18 digits, maybe ending in X) or a phone
 * is looked up by its keyed hash, exactly; anything else is a name, by characters, pinyin or
 * initials. A box that yields no key finds nothing rather than everything.
 */
@Component
public class ApplicationSearchTerms {

  private static final byte[] NOTHING = new byte[0];

  private final PersonalDataProtector protector;

  ApplicationSearchTerms(PersonalDataProtector protector) {
    this.protector = protector;
  }

  public ApplicationQueries.Terms of(String q) {
    if (q == null || q.isBlank()) {
      return ApplicationQueries.Terms.NONE;
    }
    String compact = q.strip().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (compact.matches("\\d{15,17}[\\dX]")) {
      return new ApplicationQueries.Terms(null, protector.lookupHash(compact));
    }
    Optional<PhoneNumber> phone = PhoneNumber.parse(q.strip()).or(() -> PhoneNumber.parse(compact));
    if (phone.isPresent()) {
      return new ApplicationQueries.Terms(null, protector.lookupHash(phone.get().value()));
    }
    if (compact.matches("[\\dX]+")) {
      // Digits that are neither a whole identity number nor a phone match no one.
      return new ApplicationQueries.Terms(null, NOTHING);
    }
    String key = ChineseNames.queryKey(q);
    return key.isEmpty()
        ? new ApplicationQueries.Terms(null, NOTHING)
        : new ApplicationQueries.Terms(key, null);
  }
}
