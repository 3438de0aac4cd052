package ca.gouv.qc.declarationsia.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads made once for a batch of bodies and used by the steps each body of the batch runs, on the same thread and in
 * the same transaction (a launch's batch: its bodies' dates, organizations and respondents read in a few statements
 * instead of a few per body). Outside a batch, every read goes to the database as before. The owner of the data
 * fills the batch ({@link #put}) and reads through it ({@link #get}); a value missing from the batch is read alone.
 */
public final class BatchReads {

    private static final ThreadLocal<Map<Object, Object>> CURRENT = new ThreadLocal<>();

    private BatchReads() {
    }

    /** Runs the batch with its reads kept until it ends (nested: the outer batch's reads serve both). */
    public static void run(Runnable batch) {
        if (CURRENT.get() != null) {
            batch.run();
            return;
        }
        CURRENT.set(new HashMap<>());
        try {
            batch.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** Whether a batch is running on this thread: the owners then prefer one read for all its bodies. */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    /** Keeps a value read for the batch; nothing outside one. */
    public static void put(Object key, Object value) {
        Map<Object, Object> reads = CURRENT.get();
        if (reads != null) {
            reads.put(key, value);
        }
    }

    /** The value the batch read under this key, if any. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> find(Object key) {
        Map<Object, Object> reads = CURRENT.get();
        return reads == null ? Optional.empty() : Optional.ofNullable((T) reads.get(key));
    }

    /** The value the batch read under this key, or read now (and not kept) when the batch has none. */
    public static <T> T get(Object key, Supplier<T> read) {
        Optional<T> kept = find(key);
        return kept.isPresent() ? kept.get() : read.get();
    }
}
