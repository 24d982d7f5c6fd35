package org.huhang.identity.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names the two ways to call /api/v1: HTTP Basic (username and password, for
 * trying the API by hand and for creating tokens) and a personal API token as Bearer.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityDocumentation {

  @Bean
  OpenApiCustomizer apiSecuritySchemes() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              "basic",
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("basic")
                  .description("Username and password of a Huhang account."))
          .addSecuritySchemes(
              "apiToken",
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .bearerFormat("hh_ + 43 base64url characters")
                  .description(
                      "A personal API token (POST /api/v1/me/tokens, or My account): acts as its"
                          + " user with the user's role and region scope. Cannot create tokens."));
      openApi
          .addSecurityItem(new SecurityRequirement().addList("basic"))
          .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    };
  }
}
