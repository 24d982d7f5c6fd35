/** Users, roles, login and data scope: who may act, and on which part of the region tree. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Identity",
    allowedDependencies = {"shared", "region", "audit"})
package org.huhang.identity;
