package org.huhang.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: who you are, where, and the parts of Huhang your role uses. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "shared/home";
  }
}
