package ca.gouv.qc.declarationsia.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rows a batch of bodies writes that nothing in the batch reads back (a launch's batch: each body's invitation, the
 * link from its declaration to its process), written together when the batch's work is done, in one JDBC batch and
 * in the batch's transaction, instead of one round trip to the database each. Outside a batch, the owner writes at
 * once as before. The owner of the table decides what may wait ({@link #defer}) and how its rows are written.
 */
public final class BatchWrites {

    private static final ThreadLocal<Map<Object, Pending<?>>> CURRENT = new ThreadLocal<>();

    private BatchWrites() {
    }

    private record Pending<T>(List<T> rows, Consumer<List<T>> write) {

        void flush() {
            write.accept(rows);
        }
    }

    /** Runs the batch, then writes what it deferred, kind by kind in the order first deferred (nested: the outer one). */
    public static void run(Runnable batch) {
        if (CURRENT.get() != null) {
            batch.run();
            return;
        }
        Map<Object, Pending<?>> pending = new LinkedHashMap<>();
        CURRENT.set(pending);
        try {
            batch.run();
            pending.values().forEach(Pending::flush);
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Keeps a row for the end of the batch running on this thread, written with the others of its kind by {@code write}
     * (the same for every row of a kind).
     *
     * @return false outside a batch: the caller writes the row now
     */
    @SuppressWarnings("unchecked")
    public static <T> boolean defer(Object kind, T row, Consumer<List<T>> write) {
        Map<Object, Pending<?>> pending = CURRENT.get();
        if (pending == null) {
            return false;
        }
        ((Pending<T>) pending.computeIfAbsent(kind, k -> new Pending<>(new ArrayList<>(), write))).rows().add(row);
        return true;
    }
}
