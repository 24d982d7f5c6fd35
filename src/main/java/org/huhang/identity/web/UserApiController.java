package org.huhang.identity.web;

import java.util.UUID;
import org.huhang.identity.CreateUser;
import org.huhang.identity.UserSearch;
import org.huhang.identity.UserView;
import org.huhang.identity.Users;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users and the caller itself, under /api/v1. */
@RestController
@RequestMapping("/api/v1")
class UserApiController {

  private final Users users;
  private final org.huhang.shared.web.ApiBodies bodies;

  UserApiController(Users users, org.huhang.shared.web.ApiBodies bodies) {
    this.users = users;
    this.bodies = bodies;
  }

  /** Who is calling: username, role and home region. */
  record Me(String username, String displayName, Role role, String regionCode, String regionName) {}

  @GetMapping("/me")
  Me me(Actor actor) {
    return new Me(
        actor.username(),
        actor.displayName(),
        actor.role(),
        actor.regionCode(),
        actor.regionName());
  }

  @GetMapping("/users")
  Paged<UserView> list(
      Actor actor,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return users.search(new UserSearch(q, role, page, size), actor);
  }

  @GetMapping("/users/{id}")
  UserView get(@PathVariable UUID id, Actor actor) {
    return users.get(id, actor);
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  UserView create(@RequestBody CreateUser command, Actor actor) {
    org.huhang.identity.internal.IdentityPolicy.requireUserManager(actor);
    return users.create(bodies.check(command), actor);
  }

  @PostMapping("/users/{id}/disable")
  UserView disable(@PathVariable UUID id, Actor actor) {
    return users.setEnabled(id, false, actor);
  }

  @PostMapping("/users/{id}/enable")
  UserView enable(@PathVariable UUID id, Actor actor) {
    return users.setEnabled(id, true, actor);
  }
}
