package org.huhang.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.huhang.shared.Actor;
import org.huhang.shared.ActorHolder;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated user; stored in the JDBC session, so it is serializable and small. */
final class HuhangPrincipal implements UserDetails, CredentialsContainer, ActorHolder {

  @Serial private static final long serialVersionUID = 1L;

  private final Actor actor;
  private final boolean enabled;
  private String passwordHash;

  HuhangPrincipal(Actor actor, String passwordHash, boolean enabled) {
    this.actor = actor;
    this.passwordHash = passwordHash;
    this.enabled = enabled;
  }

  @Override
  public Actor actor() {
    return actor;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(actor.role().authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return actor.username();
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HuhangPrincipal other && other.actor.username().equals(actor.username());
  }

  @Override
  public int hashCode() {
    return actor.username().hashCode();
  }

  @Override
  public String toString() {
    return "HuhangPrincipal[" + actor.username() + "]";
  }
}
