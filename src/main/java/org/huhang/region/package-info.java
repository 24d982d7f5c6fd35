/**
 * Administrative divisions (GB/T 2260 and statistical codes): the tree every data scope hangs on.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Regions",
    allowedDependencies = {"shared", "audit"})
package org.huhang.region;
