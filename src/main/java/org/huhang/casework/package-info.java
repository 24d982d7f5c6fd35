/**
 * Counseling cases: the referral queue of couples who accepted counseling at the registration
 * office, and the cases that center managers open from it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Casework",
    allowedDependencies = {
      "shared",
      "region",
      "identity",
      "audit",
      "center",
      "registration",
      "volunteer",
      "notification"
    })
package org.huhang.casework;
