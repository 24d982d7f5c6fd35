package org.huhang.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.identity.internal.ApiTokenAuthenticator;
import org.huhang.identity.internal.ApiTokenPolicy;
import org.huhang.identity.internal.ApiTokenRepository;
import org.huhang.identity.internal.ApiTokenRow;
import org.huhang.identity.internal.ApiTokenSecrets;
import org.huhang.identity.internal.ApiTokenUsage;
import org.huhang.identity.internal.UserRepository;
import org.huhang.identity.internal.UserRow;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a user creates, lists and revokes its own; an administrator lists and
 * revokes those of the users it manages. The secret is returned once, by {@link #create}, and only
 * its SHA-256 is stored. Creation and revocation are audited (the use from a new address by {@link
 * ApiTokenAuthenticator}).
 */
@Service
public class ApiTokens {

  private final ApiTokenRepository tokens;
  private final UserRepository users;
  private final ApiTokenAuthenticator authenticator;
  private final ApiTokenUsage usage;
  private final AuditTrail audit;
  private final Clock clock;

  ApiTokens(
      ApiTokenRepository tokens,
      UserRepository users,
      ApiTokenAuthenticator authenticator,
      ApiTokenUsage usage,
      AuditTrail audit,
      Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.authenticator = authenticator;
    this.usage = usage;
    this.audit = audit;
    this.clock = clock;
  }

  /** Today in Asia/Shanghai: the day expiry dates are counted from. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(LegalTime.ZONE));
  }

  public LocalDate earliestExpiry() {
    return ApiTokenPolicy.earliestExpiry(today());
  }

  public LocalDate latestExpiry() {
    return ApiTokenPolicy.latestExpiry(today());
  }

  /** A new token of the actor; its secret is in the answer and nowhere else. */
  @Transactional
  public CreatedApiToken create(CreateApiToken command, Actor actor) {
    var problems = ApiTokenPolicy.problems(command.name(), command.expiresOn(), today());
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    UserRow user = users.findById(actor.userId()).orElseThrow(() -> new NotFoundException("user"));
    String secret = ApiTokenSecrets.generate();
    ApiTokenRow row =
        new ApiTokenRow(
            UUID.randomUUID(),
            user.id(),
            command.name().strip(),
            clock.instant(),
            command.expiresOn(),
            null,
            null,
            null,
            null);
    tokens.insert(row, ApiTokenSecrets.hash(secret));
    audit.recordWrite("api-token.create", "api-token", row.id().toString());
    return new CreatedApiToken(row.id(), row.name(), row.expiresOn(), secret);
  }

  /** The actor's own tokens, newest first. */
  @Transactional(readOnly = true)
  public List<ApiTokenView> mine(Actor actor) {
    return tokens.forUser(actor.userId()).stream().map(this::view).toList();
  }

  /** One of the actor's own tokens (another user's answers 404). */
  @Transactional(readOnly = true)
  public ApiTokenView mineOne(UUID id, Actor actor) {
    return view(own(id, actor));
  }

  @Transactional
  public void revokeOwn(UUID id, Actor actor) {
    revoke(own(id, actor), actor);
  }

  /** The tokens of a user the administrator manages (outside its scope: 404). */
  @Transactional(readOnly = true)
  public List<ApiTokenView> ofUser(UUID userId, Actor actor) {
    UserRow user =
        users
            .findInScope(userId, actor.scope().likePattern())
            .orElseThrow(() -> new NotFoundException("user"));
    ApiTokenPolicy.requireMayManageTokensOf(actor, user);
    return tokens.forUser(userId).stream().map(this::view).toList();
  }

  /** A token the administrator may revoke, with its user, for the page that asks first. */
  @Transactional(readOnly = true)
  public ManagedToken managed(UUID id, Actor actor) {
    ApiTokenRow row = managedRow(id, actor);
    UserRow user = users.findById(row.userId()).orElseThrow();
    return new ManagedToken(view(row), user.id(), user.username(), user.displayName());
  }

  /** A token with its user, as an administrator sees it. */
  public record ManagedToken(
      ApiTokenView token, UUID userId, String username, String displayName) {}

  @Transactional
  public ManagedToken revokeManaged(UUID id, Actor actor) {
    ApiTokenRow row = managedRow(id, actor);
    revoke(row, actor);
    UserRow user = users.findById(row.userId()).orElseThrow();
    return new ManagedToken(
        view(tokens.findOfUser(id, row.userId()).orElseThrow()),
        user.id(),
        user.username(),
        user.displayName());
  }

  private ApiTokenRow managedRow(UUID id, Actor actor) {
    org.huhang.identity.internal.IdentityPolicy.requireUserManager(actor);
    ApiTokenRow row =
        tokens
            .findInScope(id, actor.scope().likePattern())
            .orElseThrow(() -> new NotFoundException("api token"));
    ApiTokenPolicy.requireMayManageTokensOf(actor, users.findById(row.userId()).orElseThrow());
    return row;
  }

  private ApiTokenRow own(UUID id, Actor actor) {
    return tokens
        .findOfUser(id, actor.userId())
        .orElseThrow(() -> new NotFoundException("api token"));
  }

  private void revoke(ApiTokenRow row, Actor actor) {
    if (tokens.revoke(row.id(), actor.username(), clock.instant())) {
      audit.recordWrite("api-token.revoke", "api-token", row.id().toString());
    }
    authenticator.forgetToken(row.id());
  }

  private ApiTokenView view(ApiTokenRow row) {
    ApiTokenUsage.Use pending = usage.pending(row.id());
    Instant lastUsedAt = row.lastUsedAt();
    String lastUsedFrom = row.lastUsedFrom();
    if (pending != null && (lastUsedAt == null || pending.at().isAfter(lastUsedAt))) {
      // A use not yet flushed is shown already: the user just tried its token.
      lastUsedAt = pending.at();
      lastUsedFrom = pending.from();
    }
    ApiTokenStatus status =
        row.revokedAt() != null
            ? ApiTokenStatus.REVOKED
            : today().isAfter(row.expiresOn()) ? ApiTokenStatus.EXPIRED : ApiTokenStatus.ACTIVE;
    return new ApiTokenView(
        row.id(),
        row.name(),
        row.createdAt(),
        row.expiresOn(),
        lastUsedAt,
        lastUsedFrom,
        row.revokedAt(),
        row.revokedBy(),
        status);
  }
}
