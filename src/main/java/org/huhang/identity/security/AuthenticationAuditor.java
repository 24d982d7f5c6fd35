package org.huhang.identity.security;

import java.util.Optional;
import org.huhang.audit.AuditOutcome;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.ActorHolder;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Audits logins and logouts and counts failures for the throttle. API calls with HTTP Basic
 * authenticate on every request, so only their failures are recorded, not each success.
 */
@Component
class AuthenticationAuditor {

  private final AuditTrail audit;
  private final LoginThrottle throttle;

  AuthenticationAuditor(AuditTrail audit, LoginThrottle throttle) {
    this.audit = audit;
    this.throttle = throttle;
  }

  @EventListener
  void onSuccess(InteractiveAuthenticationSuccessEvent event) {
    Authentication auth = event.getAuthentication();
    audit.recordLogin(auth.getName(), actorOf(auth), AuditOutcome.SUCCESS, address(auth));
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    Authentication auth = event.getAuthentication();
    String address = address(auth);
    throttle.recordFailure(auth.getName(), address);
    audit.recordLogin(auth.getName(), Optional.empty(), AuditOutcome.FAILURE, address);
  }

  @EventListener
  void onLogout(LogoutSuccessEvent event) {
    actorOf(event.getAuthentication())
        .ifPresent(a -> audit.recordLogout(a, address(event.getAuthentication())));
  }

  private static Optional<Actor> actorOf(Authentication auth) {
    return auth.getPrincipal() instanceof ActorHolder holder
        ? Optional.of(holder.actor())
        : Optional.empty();
  }

  private static String address(Authentication auth) {
    return auth.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }
}
