package org.huhang.shared;

import java.util.List;

/** Input that cannot even be read (a malformed date): answered 400, not 422. */
public class InvalidInputException extends DomainException {

  public InvalidInputException(String field, String messageKey) {
    super(List.of(new FieldProblem(field, messageKey, new Object[0])));
  }
}
