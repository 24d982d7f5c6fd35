package org.huhang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.DemoMode;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Issue 9, point 6: the well-known demo password only on the embedded demo database. */
class IdentityBootstrapTest {

  private final PasswordEncoder encoder =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void demoAccountsGetTheDemoPasswordOnTheEmbeddedDatabase() {
    List<UserRow> created = bootstrap(new MockEnvironment());
    assertThat(created).isNotEmpty();
    assertThat(created)
        .allSatisfy(
            u ->
                assertThat(encoder.matches(IdentityBootstrap.DEMO_PASSWORD, u.passwordHash()))
                    .isTrue());
  }

  @Test
  void demoAccountsOnAnExternalDatabaseGetGeneratedPasswords() {
    List<UserRow> created =
        bootstrap(
            new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example/huhang"));
    assertThat(created).isNotEmpty();
    assertThat(created)
        .noneSatisfy(
            u ->
                assertThat(encoder.matches(IdentityBootstrap.DEMO_PASSWORD, u.passwordHash()))
                    .isTrue());
  }

  private List<UserRow> bootstrap(MockEnvironment env) {
    UserRepository repository = mock(UserRepository.class);
    Regions regions = mock(Regions.class);
    when(repository.findByUsername(anyString())).thenReturn(Optional.empty());
    when(regions.find(anyString()))
        .thenAnswer(
            i ->
                Optional.of(
                    new RegionView(
                        i.getArgument(0),
                        null,
                        "区",
                        RegionLevel.values()[0],
                        "/" + i.getArgument(0))));
    List<UserRow> created = new ArrayList<>();
    Mockito.doAnswer(
            i -> {
              created.add(i.getArgument(0));
              return null;
            })
        .when(repository)
        .insert(any(UserRow.class), anyString());
    new IdentityBootstrap(
            repository,
            new DemoAccounts(repository, regions, encoder, Clock.systemUTC(), env),
            new DemoMode(true),
            env)
        .run(new DefaultApplicationArguments());
    return created;
  }
}
