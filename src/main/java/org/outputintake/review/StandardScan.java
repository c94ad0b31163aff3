package org.outputintake.review;

import org.outputintake.inspection.PolicyInspector;
import org.outputintake.scan.ScanEngine;

/**
 * The scan engine as intake and {@code check} use it: the policy's file inspection first, then the
 * standard content scanners. It lives here, above the engine, because the engine knows files only
 * through its {@code FileInspector} port.
 */
public final class StandardScan {
  private StandardScan() {}

  public static ScanEngine engine() {
    return new ScanEngine(new PolicyInspector(), ScanEngine.standardScanners());
  }
}
