package org.huhang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * An upload over the size limit, sent from a page. The security filter reads the form's CSRF field
 * before any controller runs, so the server's multipart parser fails there and Tomcat used to
 * answer with its own English "HTTP Status 413" page (and htmx, showing no error answer, with
 * nothing at all). This filter runs first: it parses a page's multipart body itself and answers a
 * body too large with a 413 page in the user's language whose {@code [data-error-message]} the htmx
 * error box (js/requests.js) shows. The API keeps its problem detail ({@link UploadLimitHandler}):
 * no filter reads an API request's parameters before the controller.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitFilterConfiguration {

  /** Before Spring Security's filter chain (-100), after the character encoding filter. */
  static final int ORDER = -110;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> pageUploadLimit(
      MessageSource messages, LocaleResolver locales) {
    FilterRegistrationBean<OncePerRequestFilter> bean =
        new FilterRegistrationBean<>(new Check(messages, locales));
    bean.setOrder(ORDER);
    return bean;
  }

  static final class Check extends OncePerRequestFilter {

    private final MessageSource messages;
    private final LocaleResolver locales;

    Check(MessageSource messages, LocaleResolver locales) {
      this.messages = messages;
      this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String type = request.getContentType();
      return !"POST".equals(request.getMethod())
          || type == null
          || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
          || request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        request.getParts();
      } catch (IllegalStateException | IOException | ServletException e) {
        if (tooLarge(e)) {
          refuse(request, response);
          return;
        }
        // Any other broken body goes on: the controller's own checks answer it.
      }
      chain.doFilter(request, response);
    }

    /** The multipart parser's size refusals, by name: Tomcat wraps them in its own exceptions. */
    static boolean tooLarge(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String name = t.getClass().getSimpleName();
        if (name.contains("SizeException")
            || name.contains("SizeLimitExceeded")
            || name.contains("FileCountLimitExceeded")
            || name.contains("MaxUploadSizeExceeded")) {
          return true;
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Locale locale = locales.resolveLocale(request);
      String message = HtmlUtils.htmlEscape(messages.getMessage("upload.tooLarge", null, locale));
      String back = HtmlUtils.htmlEscape(messages.getMessage("upload.back", null, locale));
      // Back to the page the form was on: the same address, asked for with GET.
      String page = HtmlUtils.htmlEscape(request.getRequestURI());
      String lang = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\""
                  + lang
                  + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                  + " content=\"width=device-width, initial-scale=1\"><title>"
                  + message
                  + "</title><link rel=\"stylesheet\" href=\"/webjars/bootstrap/css/bootstrap.min.css\">"
                  + "</head><body><main class=\"container py-5 text-center\">"
                  + "<p class=\"display-5 text-secondary\">413</p><h1 class=\"h4\" data-error-message>"
                  + message
                  + "</h1><a class=\"btn btn-primary mt-3\" href=\""
                  + page
                  + "\">"
                  + back
                  + "</a></main></body></html>");
    }
  }
}
