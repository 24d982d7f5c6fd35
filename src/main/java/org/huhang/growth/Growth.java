package org.huhang.growth;

import java.util.Optional;
import org.huhang.growth.internal.GrowthBook;
import org.huhang.shared.Actor;
import org.huhang.volunteer.VolunteerId;
import org.springframework.stereotype.Service;

/**
 * The growth module's API. Anyone linked to a volunteer reads its own record and changes its own
 * availability; administrators and center managers read the records of the volunteers in their care
 * (404 outside it) and the overview; other roles get 403 for those.
 */
@Service
public class Growth {

  private final GrowthBook book;

  Growth(GrowthBook book) {
    this.book = book;
  }

  /** The actor's own record; empty when its account is linked to no volunteer. */
  public Optional<GrowthRecord> own(Actor actor) {
    return book.own(actor);
  }

  /** A volunteer's record for its managers: 403 for other roles, 404 outside the scope. */
  public GrowthRecord of(VolunteerId id, Actor actor) {
    return book.of(id, actor);
  }

  /** Changes the actor's own availability; 404 when it is linked to no volunteer. */
  public void changeOwnAvailability(ChangeAvailability command, Actor actor) {
    book.changeOwnAvailability(command, actor);
  }

  /** The volunteers in the actor's care this year and the certificates running out. */
  public GrowthOverview overview(Actor actor) {
    return book.overview(actor);
  }

  /** Whether the actor manages volunteers (sees the overview and others' records). */
  public boolean mayOversee(Actor actor) {
    return book.mayOversee(actor);
  }
}
