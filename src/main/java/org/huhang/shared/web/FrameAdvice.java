package org.huhang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
public class FrameAdvice {

  private final MessageSource messageSource;
  private final List<MenuEntry> menu;
  private final List<MenuBadge> badges;
  private final Map<Locale, Map<String, String>> known = new ConcurrentHashMap<>();

  FrameAdvice(MessageSource messageSource, List<MenuEntry> menu, List<MenuBadge> badges) {
    this.messageSource = messageSource;
    this.badges = badges;
    this.menu = menu.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
  }

  @ModelAttribute("frame")
  Frame frame(HttpServletRequest request) {
    return frameFor(request);
  }

  /**
   * The texts kept for a language; a few languages at most (?lang= takes any locale): past them a
   * request's texts are kept for that request only.
   */
  private Map<String, String> knownIn(Locale locale) {
    Map<String, String> texts = known.get(locale);
    if (texts == null) {
      texts =
          known.size() < 8
              ? known.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
              : new HashMap<>();
    }
    return texts;
  }

  public Frame frameFor(HttpServletRequest request) {
    Actor actor = CurrentActor.find().orElse(null);
    List<MenuEntry> visible =
        actor == null ? List.of() : menu.stream().filter(m -> m.visibleTo(actor.role())).toList();
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return new Frame(
        new Messages(
            messageSource,
            LocaleContextHolder.getLocale(),
            known.computeIfAbsent(LocaleContextHolder.getLocale(), l -> new ConcurrentHashMap<>())),
        csrf,
        actor,
        visible,
        request.getRequestURI(),
        actor == null ? MenuBadges.none() : new MenuBadges(actor, badges));
  }
}
