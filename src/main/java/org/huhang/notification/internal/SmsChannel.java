package org.huhang.notification.internal;

import org.huhang.notification.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Text messages, through the {@link SmsGateway} bean when there is one, else {@link
 * LoggingSmsGateway}. ({@code getIfAvailable} rather than {@code @ConditionalOnMissingBean}: the
 * condition is reliable only in auto-configuration, and here the answer must not depend on the
 * order in which configuration classes are read.)
 */
@Component
class SmsChannel implements NoticeChannel {

  private final SmsGateway gateway;
  private final NoticeTexts texts;

  SmsChannel(ObjectProvider<SmsGateway> gateways, NoticeTexts texts) {
    this.gateway = gateways.getIfAvailable(LoggingSmsGateway::new);
    this.texts = texts;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public void deliver(Outgoing message) {
    gateway.send(message.id(), message.address(), texts.sms(message.messageKey(), message.args()));
  }
}
