package org.huhang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.huhang.shared.Actor;
import org.huhang.shared.CurrentActor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the {@link Frame} into the model of every page. */
@ControllerAdvice(annotations = Controller.class)
class FrameAdvice {

  private final MessageSource messageSource;
  private final List<MenuEntry> menu;

  FrameAdvice(MessageSource messageSource, List<MenuEntry> menu) {
    this.messageSource = messageSource;
    this.menu = menu.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
  }

  @ModelAttribute("frame")
  Frame frame(HttpServletRequest request) {
    return frameFor(request);
  }

  Frame frameFor(HttpServletRequest request) {
    Actor actor = CurrentActor.find().orElse(null);
    List<MenuEntry> visible =
        actor == null ? List.of() : menu.stream().filter(m -> m.visibleTo(actor.role())).toList();
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return new Frame(
        new Messages(messageSource, LocaleContextHolder.getLocale()),
        csrf,
        actor,
        visible,
        request.getRequestURI());
  }
}
