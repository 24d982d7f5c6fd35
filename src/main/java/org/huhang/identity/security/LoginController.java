package org.huhang.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.huhang.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login page, and the same page answering 429 while a login is throttled. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(HttpServletRequest request, Model model) {
    if (CurrentActor.find().isPresent()) {
      return "redirect:/";
    }
    model.addAttribute("error", request.getParameter("error") != null);
    model.addAttribute("loggedOut", request.getParameter("logout") != null);
    model.addAttribute("blockedSeconds", 0L);
    return "identity/login";
  }

  @RequestMapping("/login/throttled")
  String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(429);
    Object seconds = request.getAttribute(LoginThrottleFilter.BLOCKED_SECONDS);
    model.addAttribute("error", false);
    model.addAttribute("loggedOut", false);
    model.addAttribute("blockedSeconds", seconds instanceof Long s ? s : 60L);
    return "identity/login";
  }
}
