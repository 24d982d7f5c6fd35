package org.huhang.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/** Issue 13: a session's security context is deserialized once, and no request shares it. */
class SecurityContextsTest {

  private final SerializingConverter serializer = new SerializingConverter();
  private final SessionConfiguration.SecurityContexts contexts =
      new SessionConfiguration.SecurityContexts(new DeserializingConverter());

  @Test
  void theSameBytesGiveEachRequestItsOwnContextWithTheSameAuthentication() {
    byte[] bytes =
        serializer.convert(
            new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(
                    "admin", null, List.of(new SimpleGrantedAuthority("ROLE_CITY_ADMIN")))));
    SecurityContext first = (SecurityContext) contexts.convert(bytes);
    SecurityContext second = (SecurityContext) contexts.convert(bytes.clone());
    assertThat(second).isNotSameAs(first);
    assertThat(second.getAuthentication().getName()).isEqualTo("admin");
    assertThat(contexts.size()).isEqualTo(1);

    // A logout clears its own request's context; the next request of the session is unchanged.
    second.setAuthentication(null);
    SecurityContext third = (SecurityContext) contexts.convert(bytes);
    assertThat(third.getAuthentication().getName()).isEqualTo("admin");
  }

  @Test
  void otherAttributesAreReadAnewEveryTime() {
    byte[] bytes = serializer.convert(new ArrayList<>(List.of("flash")));
    @SuppressWarnings("unchecked")
    List<String> first = (List<String>) contexts.convert(bytes);
    first.clear();
    assertThat(contexts.convert(bytes)).isEqualTo(List.of("flash"));
    assertThat(contexts.size()).isZero();
  }

  @Test
  void otherBytesAreAnotherContext() {
    byte[] admin =
        serializer.convert(
            new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of())));
    byte[] analyst =
        serializer.convert(
            new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated("analyst", null, List.of())));
    contexts.convert(admin);
    assertThat(((SecurityContext) contexts.convert(analyst)).getAuthentication().getName())
        .isEqualTo("analyst");
  }
}
