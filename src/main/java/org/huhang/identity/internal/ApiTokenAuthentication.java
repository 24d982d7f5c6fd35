package org.huhang.identity.internal;

import java.io.Serial;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by a personal API token: the token's user with its role and region scope,
 * nothing more. Holds no secret: neither the token nor its hash.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  private final HuhangPrincipal principal;
  private final UUID tokenId;

  ApiTokenAuthentication(HuhangPrincipal principal, UUID tokenId) {
    super(principal.getAuthorities());
    this.principal = principal;
    this.tokenId = tokenId;
    setAuthenticated(true);
  }

  public UUID tokenId() {
    return tokenId;
  }

  public Actor actor() {
    return principal.actor();
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return principal;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiTokenAuthentication other && other.tokenId.equals(tokenId);
  }

  @Override
  public int hashCode() {
    return tokenId.hashCode();
  }
}
