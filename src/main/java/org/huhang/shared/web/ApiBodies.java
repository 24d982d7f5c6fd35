package org.huhang.shared.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Checks a request body's constraints after the permission, not before: a role that may not create
 * a user hears 403, whatever it sent, instead of a list of the form's rules. An API method takes
 * its body without {@code @Valid}, asks the module whether the actor may act, then calls {@link
 * #check}; a body that breaks its constraints answers 400 with every field, as {@code @Valid} did.
 */
@Component
public class ApiBodies {

  private final LocalValidatorFactoryBean validator;

  ApiBodies(LocalValidatorFactoryBean validator) {
    this.validator = validator;
  }

  /** Returns the body when it keeps its constraints; else throws {@link InvalidBody} (400). */
  public <T> T check(T body) {
    BindingResult result = new BeanPropertyBindingResult(body, "body");
    validator.validate(body, result);
    if (result.hasErrors()) {
      throw new InvalidBody(result);
    }
    return body;
  }

  /** A body that breaks its constraints, answered like a failed {@code @Valid}. */
  public static final class InvalidBody extends RuntimeException {

    private final transient BindingResult result;

    InvalidBody(BindingResult result) {
      super("the request body breaks its constraints");
      this.result = result;
    }

    BindingResult result() {
      return result;
    }
  }
}
