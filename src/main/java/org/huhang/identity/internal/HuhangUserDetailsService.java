package org.huhang.identity.internal;

import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class HuhangUserDetailsService implements UserDetailsService {

  private final UserRepository users;
  private final Regions regions;

  HuhangUserDetailsService(UserRepository users, Regions regions) {
    this.users = users;
    this.regions = regions;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    // No account has such a name, and PostgreSQL cannot even compare a NUL: refused unlooked-up.
    if (username == null
        || username.length() > 64
        || org.huhang.shared.text.ControlCharacters.present(username)) {
      throw new UsernameNotFoundException("unknown");
    }
    UserRow row =
        users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    String regionName = regions.find(row.regionCode()).map(r -> r.name()).orElse(row.regionCode());
    Actor actor =
        new Actor(
            row.id(),
            row.username(),
            row.displayName(),
            row.role(),
            row.regionCode(),
            regionName,
            row.regionPath());
    return new HuhangPrincipal(actor, row.passwordHash(), row.enabled());
  }
}
