/**
 * Notifications: an outbox written in the same transaction as the change that causes it, a worker
 * that sends it with retries (SMS, e-mail, the staff inbox), quiet hours and opt-out.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {"shared", "audit"})
package org.huhang.notification;
