package org.huhang.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered into UTF-8 bytes, not through the response's writer. The templates are
 * compiled with their static text already encoded ({@code binaryStaticContent} in the pom), so only
 * the values are encoded per request; the writer encoded every character of every page and was a
 * tenth of a list's time (issue 13). A page is sent whole with its length, and a template that
 * fails half-way sends nothing of itself, so the error page is not appended to half a table.
 */
@Configuration(proxyBeanMethods = false)
class Utf8JteConfiguration {

  @Bean
  JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
    return new JteViewResolver(engine, properties) {
      @Override
      protected AbstractUrlBasedView instantiateView() {
        return new Utf8JteView(engine);
      }
    };
  }

  static final class Utf8JteView extends JteView {

    private final TemplateEngine engine;

    Utf8JteView(TemplateEngine engine) {
      super(engine);
      this.engine = engine;
    }

    @Override
    protected void renderMergedTemplateModel(
        Map<String, Object> model, HttpServletRequest request, HttpServletResponse response)
        throws Exception {
      PageBytes page = new PageBytes();
      engine.render(getUrl(), model, page);
      response.setCharacterEncoding("UTF-8");
      response.setContentLength(page.size());
      response.getOutputStream().write(page.array(), 0, page.size());
    }
  }
}
