package org.outputintake.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap in use at one moment while it is open. The heap pools' own peaks cannot give this:
 * each pool peaks at a different moment, so their sum overstates the peak (young space is full just
 * before a collection, old space after many). Heap use is highest just before a collection, so each
 * collection's "before" figure (all pools at the same instant) is taken, and a sampler every few
 * milliseconds covers a run that ends before the next collection.
 */
final class HeapPeak implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener onGc = this::onGc;
  private final Thread sampler;
  private volatile boolean open = true;

  private HeapPeak() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(onGc, null, null);
        emitters.add(e);
      }
    }
    sampler = new Thread(this::sample, "heap-peak");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts measuring after a collection, so that garbage left by earlier work does not count. */
  static HeapPeak start() {
    System.gc();
    return new HeapPeak();
  }

  long bytes() {
    record(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    return peak.get();
  }

  double megabytes() {
    return bytes() / 1048576.0;
  }

  private void sample() {
    var memory = ManagementFactory.getMemoryMXBean();
    while (open) {
      record(memory.getHeapMemoryUsage().getUsed());
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType()))
      return;
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long before = 0;
    for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (isHeap(e.getKey())) before += e.getValue().getUsed();
    }
    record(before);
  }

  private static boolean isHeap(String pool) {
    for (var p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getName().equals(pool)) return p.getType() == java.lang.management.MemoryType.HEAP;
    }
    return false;
  }

  private void record(long used) {
    peak.accumulateAndGet(used, Math::max);
  }

  @Override
  public void close() {
    open = false;
    sampler.interrupt();
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(onGc);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
