package org.huhang.shared.web;

import java.beans.PropertyEditorSupport;
import org.huhang.shared.text.ControlCharacters;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Every text that a page or the API binds from the request (form fields, query parameters, path
 * variables) passes {@link ControlCharacters} once, here: a refused text is a binding failure of
 * its own field ({@code typeMismatch.java.lang.String}, worded in the bundle), so a form shows it
 * next to the field, the API lists it in {@code errors[]}, and a search parameter answers 400.
 * Chosen over a servlet filter because a filter can only refuse the whole request, without naming
 * the field, and it would have to read multipart and JSON bodies it does not understand. JSON
 * bodies get the same rule from {@link JsonTextModule}, import cells from {@code StagedImports}.
 */
@ControllerAdvice
class TextInputAdvice {

  @InitBinder
  void refuseControlCharacters(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new TextEditor());
    // Commands and queries are bound from the request's parameters only. Spring also fills a
    // record's constructor from request headers of the same name, which would let a header named
    // like a field set it, and its lookup read every header for every field of every query
    // (a fifth of the volunteer list's time, issue 13).
    if (binder instanceof ExtendedServletRequestDataBinder request) {
      request.setHeaderPredicate(name -> false);
    }
  }

  /** Keeps the text as sent (the commands strip what they strip); refuses control characters. */
  static final class TextEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
      if (ControlCharacters.present(text)) {
        throw new IllegalArgumentException("control character");
      }
      setValue(text);
    }

    @Override
    public String getAsText() {
      Object value = getValue();
      return value == null ? "" : value.toString();
    }
  }
}
