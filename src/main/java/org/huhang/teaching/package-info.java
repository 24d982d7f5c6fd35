/**
 * The teaching case library (教学案例库): closed counseling cases turned, by a manager's hand, into
 * anonymised material along the six-step chain, searched in Chinese and used in training courses.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Teaching cases",
    allowedDependencies = {
      "shared",
      "region",
      "identity",
      "casework",
      "training",
      "center",
      "audit"
    })
package org.huhang.teaching;
