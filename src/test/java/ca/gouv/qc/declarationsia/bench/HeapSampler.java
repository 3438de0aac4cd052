package ca.gouv.qc.declarationsia.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Peak heap of the whole run. "Used" between collections counts garbage the collector has not reclaimed yet, so
 * the figure that matters is the heap still in use right after a collection (the live data), sampled all along.
 */
final class HeapSampler implements AutoCloseable {

    private static final long MB = 1024 * 1024;

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakAfterCollection;
    private volatile long peakCommitted;

    HeapSampler() {
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            long live = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage afterCollection = pool.getCollectionUsage();
                live += afterCollection == null ? pool.getUsage().getUsed() : afterCollection.getUsed();
            }
            peakAfterCollection = Math.max(peakAfterCollection, live);
            peakCommitted = Math.max(peakCommitted, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted());
            try {
                Thread.sleep(20);
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    long peakLiveMb() {
        return peakAfterCollection / MB;
    }

    long peakCommittedMb() {
        return peakCommitted / MB;
    }

    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / MB;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
