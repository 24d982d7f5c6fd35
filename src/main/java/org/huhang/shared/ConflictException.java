package org.huhang.shared;

import java.util.List;

/**
 * A move refused because of the state someone else, or the rules of safety, put the record in: the
 * case was saved by another person since the editor loaded it, or a joint session the screening
 * forbids. The API answers 409 with the reason; a form shows it like any other problem.
 */
public class ConflictException extends DomainException {

  public ConflictException(List<FieldProblem> problems) {
    super(problems);
  }

  public static ConflictException of(String field, String messageKey, Object... args) {
    return new ConflictException(List.of(new FieldProblem(field, messageKey, args)));
  }
}
