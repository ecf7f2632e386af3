package dev.gatehouse.jdbi.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/**
 * How the store reaches the database. Work runs on the caller's handle when there is one: the handle given to
 * {@code JdbiStore.on(handle)}, or the one Jdbi keeps for the current thread inside {@code jdbi.useHandle},
 * {@code jdbi.useTransaction} and their siblings. Otherwise it runs on a handle of its own.
 *
 * <p>Writes are atomic. Inside the caller's transaction a write runs within a savepoint, so a refused write leaves
 * the caller's earlier work intact (and, on PostgreSQL, the transaction usable), and commits or rolls back with
 * the caller's transaction. Outside one, a write runs in a transaction of its own, tried again when the database
 * aborted it for a deadlock or a serialization failure.
 *
 * <p>Violated constraints come out as Gatehouse exceptions (see {@link Violations}); other failures as Jdbi's.
 * Thread-safe when built on a {@link Jdbi}; as thread-safe as the handle when built on one.
 */
public final class Database {
    private static final int ATTEMPTS = 10;

    private final Jdbi jdbi;
    private final @Nullable Handle handle;
    private final SqlDialect dialect;
    private final AtomicLong savepoints = new AtomicLong();

    /**
     * @param jdbi where handles come from
     * @param handle the handle to work on, or null to use the thread's or a new one
     * @param dialect the database's dialect
     */
    public Database(Jdbi jdbi, @Nullable Handle handle, SqlDialect dialect) {
        this.jdbi = jdbi;
        this.handle = handle;
        this.dialect = dialect;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** Runs reads, in the caller's transaction if there is one, else each statement on its own. */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        try {
            return handle != null ? work.withHandle(handle) : jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    /** Runs writes atomically: in a savepoint of the caller's transaction, or in a transaction of their own. */
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        try {
            return handle != null ? writeOn(handle, work) : jdbi.withHandle(own -> writeOn(own, work));
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    /** As {@link #write(HandleCallback)}, for work without a result. */
    public void useWrite(HandleConsumer<RuntimeException> work) {
        write(work.asCallback());
    }

    private <R> R writeOn(Handle on, HandleCallback<R, RuntimeException> work) {
        if (on.isInTransaction()) {
            return inSavepoint(on, work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                var isolation = dialect.ownTransactionIsolation();
                return isolation.isPresent() ? on.inTransaction(isolation.get(), work) : on.inTransaction(work);
            } catch (JdbiException e) {
                var cause = SqlDialect.sqlCause(e);
                if (attempt == ATTEMPTS || cause == null || !dialect.isTransient(cause)) {
                    throw e;
                }
                pauseBefore(attempt);
            }
        }
    }

    private <R> R inSavepoint(Handle on, HandleCallback<R, RuntimeException> work) {
        String savepoint = "gatehouse_" + savepoints.incrementAndGet();
        on.savepoint(savepoint);
        R result;
        try {
            result = work.withHandle(on);
        } catch (RuntimeException e) {
            on.rollbackToSavepoint(savepoint); // which also forgets it
            throw e;
        }
        on.releaseSavepoint(savepoint);
        return result;
    }

    private RuntimeException translated(JdbiException failure) {
        var cause = SqlDialect.sqlCause(failure);
        if (cause == null) {
            return failure;
        }
        return Violations.translate(dialect, cause).<RuntimeException>map(translated -> translated).orElse(failure);
    }

    private static void pauseBefore(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try a transaction again", e);
        }
    }
}
