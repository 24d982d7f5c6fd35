package org.huhang.region.web;

import java.util.List;
import org.huhang.region.AddRegion;
import org.huhang.region.RegionNode;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The region tree under /api/v1/regions, limited to the caller's scope. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApiController {

  private final Regions regions;
  private final org.huhang.shared.web.ApiBodies bodies;

  RegionApiController(Regions regions, org.huhang.shared.web.ApiBodies bodies) {
    this.regions = regions;
    this.bodies = bodies;
  }

  /** The tree rooted at the caller's home region. */
  @GetMapping
  RegionNode tree(Actor actor) {
    return regions.tree(actor.scope());
  }

  @GetMapping("/{code}")
  RegionView get(@PathVariable String code, Actor actor) {
    return regions.get(code, actor.scope());
  }

  @GetMapping("/{code}/children")
  List<RegionView> children(@PathVariable String code, Actor actor) {
    return regions.children(code, actor.scope());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  RegionView add(@RequestBody AddRegion command, Actor actor) {
    org.huhang.region.internal.RegionPolicy.requireRegionAdder(actor);
    return regions.add(bodies.check(command), actor);
  }
}
