package org.huhang.shared.web;

import org.huhang.shared.Actor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document describes what a caller sends: the {@link Actor} argument is resolved from
 * the login, so it is no request parameter.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }
}
