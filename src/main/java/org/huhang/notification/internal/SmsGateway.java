package org.huhang.notification.internal;

import java.util.UUID;

/**
 * Where a text message leaves Huhang: the SMS provider's SDK (Aliyun Dysms, Tencent Cloud SMS) goes
 * behind this interface. A Spring bean implementing it replaces {@link LoggingSmsGateway}, which
 * only logs; see ARCHITECTURE.md, "Sending text messages". {@code id} is the outbox row's id: pass
 * it as the provider's own idempotency key (Aliyun's {@code OutId}, Tencent's {@code
 * SessionContext}) so that a message sent again after a crash can be told apart. Throw {@link
 * Refused} with the provider's code when it refuses, any other exception when it cannot be reached;
 * never put the number or the text into the exception.
 */
public interface SmsGateway {

  void send(UUID id, String phone, String text);
}
