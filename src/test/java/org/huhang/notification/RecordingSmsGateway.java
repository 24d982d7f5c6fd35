package org.huhang.notification;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.huhang.notification.internal.Refused;
import org.huhang.notification.internal.SmsGateway;
import org.springframework.boot.test.context.TestComponent;

/**
 * The integration tests' SMS provider, in place of the logging one: keeps what it was given, the
 * way a provider's console would show it, and fails as a test asks it to (a refusal for a number, a
 * process dying after so many messages).
 */
@TestComponent
public class RecordingSmsGateway implements SmsGateway {

  public record Sent(UUID id, String phone, String text) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final AtomicInteger dieAfter = new AtomicInteger(-1);

  @Override
  public void send(UUID id, String phone, String text) {
    if (refused.contains(phone)) {
      throw new Refused("isv.MOBILE_NUMBER_ILLEGAL");
    }
    if (dieAfter.get() == 0) {
      dieAfter.set(-1);
      throw new ProcessKilled();
    }
    dieAfter.decrementAndGet();
    sent.add(new Sent(id, phone, text));
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  public List<Sent> sentTo(String phone) {
    return sent.stream().filter(s -> s.phone().equals(phone)).toList();
  }

  public Map<UUID, Long> countById() {
    return sent.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                Sent::id, java.util.stream.Collectors.counting()));
  }

  public void refuse(String phone) {
    refused.add(phone);
  }

  /** The process "dies" (an Error, as a kill would end it) at the {@code n+1}th message. */
  public void dieAfter(int n) {
    dieAfter.set(n);
  }

  /** What a kill -9 looks like from inside: nothing catches it, the transaction rolls back. */
  public static final class ProcessKilled extends Error {}
}
