package org.huhang.center.web;

import org.huhang.center.CenterId;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterSearch;
import org.huhang.center.CenterStatus;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.center.SaveCenter;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.shared.web.ApiBodies;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Centers under /api/v1/centers, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/centers")
class CenterApiController {

  private final Centers centers;
  private final ApiBodies bodies;

  CenterApiController(Centers centers, ApiBodies bodies) {
    this.centers = centers;
    this.bodies = bodies;
  }

  @GetMapping
  Paged<CenterView> list(
      Actor actor,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) CenterKind kind,
      @RequestParam(required = false) CenterStatus status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return centers.search(new CenterSearch(q, kind, status, page, size), actor);
  }

  @GetMapping("/{id}")
  CenterView get(@PathVariable CenterId id, Actor actor) {
    return centers.get(id.value(), actor);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CenterView create(@RequestBody SaveCenter command, Actor actor) {
    centers.requireCreator(actor);
    return centers.create(bodies.check(command), actor);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable CenterId id, Actor actor) {
    centers.delete(id, actor);
  }

  @PutMapping("/{id}")
  CenterView update(@PathVariable CenterId id, @RequestBody SaveCenter command, Actor actor) {
    centers.requireEditor(id, actor);
    return centers.update(id, bodies.check(command), actor);
  }
}
