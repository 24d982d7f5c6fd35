package org.huhang.shared.web;

import org.huhang.shared.text.ControlCharacters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON bodies of the API pass the same {@link ControlCharacters} rule as forms: every string value
 * holding a control character is refused while it is read, as an {@link InvalidFormatException} for
 * {@code String} that carries the JSON path; {@link ApiExceptionHandler} names the field.
 */
@Configuration(proxyBeanMethods = false)
class JsonTextModule {

  @Bean
  JacksonModule refuseControlCharacters() {
    SimpleModule module = new SimpleModule("huhang-text");
    module.addDeserializer(String.class, new CheckedStrings());
    return module;
  }

  static final class CheckedStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      String text = super.deserialize(p, ctxt);
      if (ControlCharacters.present(text)) {
        throw InvalidFormatException.from(
            p, "control character", ControlCharacters.removed(text), String.class);
      }
      return text;
    }
  }
}
