package dev.accord.core.schema;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A bound on the time one request may spend parsing, resolving and comparing schemas. The walkers call
 * {@link #checkpoint()} as they visit nodes; when the thread's budget is spent, or its caller has gone away,
 * the work stops with {@link WorkBudgetExceededException} instead of running on. Limits on input size bound
 * most work; this catches the shapes no size limit foresaw. Without an open budget a checkpoint costs one
 * thread-local read.
 */
public final class WorkBudget {

    private static final ThreadLocal<WorkBudget> CURRENT = new ThreadLocal<>();
    /** Checkpoints between two clock reads: the walkers' node visits are far below a microsecond. */
    private static final int CLOCK_EVERY = 256;

    private final long deadline;
    private final Duration budget;
    private final BooleanSupplier abandoned;
    private long ticks;

    private WorkBudget(Duration budget, BooleanSupplier abandoned) {
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.abandoned = abandoned;
    }

    /**
     * Runs {@code work} under a budget on this thread. A budget already open on the thread stays in force
     * (the outermost caller owns the request's time).
     *
     * @param abandoned true once nobody waits for the answer any more (the client disconnected)
     */
    public static <T> T within(Duration budget, BooleanSupplier abandoned, Supplier<T> work) {
        try (Scope ignored = open(budget, abandoned)) {
            return work.get();
        }
    }

    /** Opens a budget on this thread until the scope is closed; see {@link #within}. */
    public static Scope open(Duration budget, BooleanSupplier abandoned) {
        if (CURRENT.get() != null) {
            return () -> { };
        }
        CURRENT.set(new WorkBudget(budget, abandoned));
        return CURRENT::remove;
    }

    /** An open budget; closing it ends the budget on this thread. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Stops the work when the thread's budget is spent or its caller has gone; cheap enough for every node. */
    public static void checkpoint() {
        charge(1);
    }

    /** A checkpoint for a step that did {@code nodes} nodes' worth of work in a library without checkpoints. */
    public static void charge(int nodes) {
        WorkBudget budget = CURRENT.get();
        if (budget != null) {
            long before = budget.ticks;
            budget.ticks += nodes;
            if (before / CLOCK_EVERY != budget.ticks / CLOCK_EVERY) {
                budget.enforce();
            }
        }
    }

    /**
     * Stops the work if its caller has gone, whatever the time: the last step before a write is decided, so that
     * a client that disconnected during a long check leaves nothing behind.
     */
    public static void stopIfAbandoned() {
        WorkBudget budget = CURRENT.get();
        if (budget != null && budget.abandoned.getAsBoolean()) {
            throw abandonedError();
        }
    }

    private void enforce() {
        if (System.nanoTime() - deadline > 0) {
            throw new WorkBudgetExceededException("The request needed more than its work budget of "
                    + budget.toMillis() + " ms (accord.limits.request-budget); the schemas are too large or too"
                    + " complex to compare", false);
        }
        if (abandoned.getAsBoolean()) {
            throw abandonedError();
        }
    }

    private static WorkBudgetExceededException abandonedError() {
        return new WorkBudgetExceededException("The client went away before the answer was ready", true);
    }

    /** The work was stopped; nothing it was deciding has been written. */
    public static final class WorkBudgetExceededException extends RuntimeException {
        private final boolean abandoned;

        WorkBudgetExceededException(String message, boolean abandoned) {
            super(message, null, false, false);
            this.abandoned = abandoned;
        }

        /** True when the client disconnected, false when the time ran out. */
        public boolean abandoned() {
            return abandoned;
        }
    }
}
