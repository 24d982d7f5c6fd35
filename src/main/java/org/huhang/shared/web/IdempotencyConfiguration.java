package org.huhang.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/** Registers {@link IdempotentRequests} where it knows the user and wraps the handler. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

  /** After Spring Security's filter chain (-100): the user is known, the CSRF token checked. */
  static final int ORDER = -90;

  @Bean
  FilterRegistrationBean<IdempotentRequests> idempotentRequests(
      IdempotentAnswers answers,
      TransactionTemplate transactions,
      MessageSource messages,
      LocaleResolver locales) {
    FilterRegistrationBean<IdempotentRequests> bean =
        new FilterRegistrationBean<>(
            new IdempotentRequests(answers, transactions, messages, locales));
    bean.setOrder(ORDER);
    return bean;
  }
}
