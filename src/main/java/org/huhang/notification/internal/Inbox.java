package org.huhang.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.huhang.shared.web.MenuBadge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff user's own inbox: every query is bound to the actor's user id, so another user's item is
 * not found (404), whatever its id. Also the unread count beside the menu's 消息.
 */
@Component
public class Inbox implements MenuBadge {

  static final int PAGE_SIZE = 20;

  /** The badge counts no further: "99+" needs no more. */
  static final int BADGE_CAP = 100;

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final Clock clock;

  Inbox(JdbcClient jdbc, Outbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Paged<InboxItem> page(Actor actor, Integer page) {
    int p = page == null || page < 0 ? 0 : page;
    List<InboxItem> items =
        jdbc.sql(
                """
                select id, message_key, args_cipher, link, created_at, read_at is null as unread
                from notification.inbox_item
                where user_id = :u
                order by created_at desc, id desc
                limit :limit offset :offset
                """)
            .param("u", actor.userId())
            .param("limit", PAGE_SIZE)
            .param("offset", p * PAGE_SIZE)
            .query(
                (rs, n) ->
                    new InboxItem(
                        rs.getObject("id", UUID.class),
                        rs.getString("message_key"),
                        outbox.openArgs(rs.getBytes("args_cipher")),
                        inside(rs.getString("link")),
                        rs.getTimestamp("created_at")
                            .toInstant()
                            .atZone(LegalTime.ZONE)
                            .toLocalDateTime(),
                        rs.getBoolean("unread")))
            .list();
    return Paged.counted(
        items,
        p,
        PAGE_SIZE,
        limit ->
            jdbc.sql(
                    """
                    select count(*) from (select 1 from notification.inbox_item
                    where user_id = :u limit :limit) t
                    """)
                .param("u", actor.userId())
                .param("limit", limit)
                .query(Long.class)
                .single());
  }

  /** Only a path of this application: a link never leads elsewhere. */
  private static String inside(String link) {
    return link != null && link.startsWith("/") && !link.startsWith("//") ? link : null;
  }

  @Transactional
  public void markRead(UUID id, Actor actor) {
    int found =
        jdbc.sql(
                """
                update notification.inbox_item set read_at = coalesce(read_at, :now)
                where id = :id and user_id = :u
                """)
            .param("now", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("u", actor.userId())
            .update();
    if (found == 0) {
      throw new NotFoundException("inbox item");
    }
  }

  @Transactional
  public int markAllRead(Actor actor) {
    return jdbc.sql(
            """
            update notification.inbox_item set read_at = :now
            where user_id = :u and read_at is null
            """)
        .param("now", Timestamp.from(clock.instant()))
        .param("u", actor.userId())
        .update();
  }

  @Override
  public String href() {
    return InboxMenu.HREF;
  }

  /** One count on the partial index of unread items, stopping at {@value #BADGE_CAP}. */
  @Override
  @Transactional(readOnly = true)
  public long count(Actor actor) {
    if (actor.userId() == null) {
      return 0;
    }
    return jdbc.sql(
            """
            select count(*) from (select 1 from notification.inbox_item
            where user_id = :u and read_at is null limit :cap) t
            """)
        .param("u", actor.userId())
        .param("cap", BADGE_CAP)
        .query(Long.class)
        .single();
  }
}
