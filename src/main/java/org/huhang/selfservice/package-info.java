/**
 * Families on their phones: a center's public booking page (reached by a QR code), a one-time code
 * instead of an account, their own bookings, a questionnaire before the first session and a
 * satisfaction survey after; the center manager's desk that accepts a booking into a case.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Self-service",
    allowedDependencies = {
      "shared",
      "center",
      "volunteer",
      "casework",
      "notification",
      "audit",
      "region"
    })
package org.huhang.selfservice;
