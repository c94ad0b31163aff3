package org.outputintake.inspection.archive;

import org.outputintake.scan.FilePolicy;

/**
 * What is left to expand from one top-level file, shared by every archive nested inside it, so that
 * a bomb split across nested archives still hits the limit.
 */
public final class ArchiveBudget {
  private final long maxBytes;
  private final int maxEntries;
  private long bytes;
  private int entries;

  public ArchiveBudget(FilePolicy.ArchiveLimits limits) {
    this.maxBytes = limits.maxExpandedBytes();
    this.maxEntries = limits.maxEntries();
  }

  /** Counts one more entry; false once the tree holds more entries than allowed. */
  synchronized boolean takeEntry() {
    entries++;
    return entries <= maxEntries;
  }

  /** Counts expanded bytes; false once the tree expands to more than allowed. */
  synchronized boolean takeBytes(long n) {
    bytes += n;
    return bytes <= maxBytes;
  }

  public synchronized int entries() {
    return entries;
  }
}
