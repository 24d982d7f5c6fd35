package org.huhang.casework.internal;

import java.util.List;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.text.ControlCharacters;

/**
 * The checks every safety text (plan, referral note, approval reason) passes before it is sealed.
 */
final class SafetyTexts {

  static final int MAX = 2000;

  private SafetyTexts() {}

  static void check(
      String field, String text, boolean required, String requiredKey, List<FieldProblem> out) {
    if (text == null || text.isEmpty()) {
      if (required) {
        out.add(new FieldProblem(field, requiredKey, new Object[0]));
      }
    } else if (text.length() > MAX) {
      out.add(new FieldProblem(field, "case.text.size", new Object[] {MAX}));
    } else if (ControlCharacters.present(text)) {
      out.add(new FieldProblem(field, "error.controlCharacter", new Object[0]));
    }
  }
}
