package dev.gatehouse.hibernate;

import dev.gatehouse.GatehouseException;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.SharedSessionContract;
import org.hibernate.Transaction;

/**
 * Runs the store's work in Hibernate sessions, and turns what Hibernate throws into Gatehouse's exceptions
 * ({@link Failures}).
 *
 * <p>On its own, every write runs in a new {@link Session} and transaction (run again, after a short random wait, when
 * the database picks it as a deadlock victim), and every read in a {@link org.hibernate.StatelessSession} without a transaction: one statement,
 * no persistence context. Joined to the current session ({@code sessionFactory.getCurrentSession()}), both run in that
 * session and in the transaction open on it, writes are flushed before returning so that their failures surface in
 * the call, and commit is the caller's; with no transaction open there, the call begins and commits one.
 *
 * <p>Thread-safe: holds no state of its own.
 */
final class Sessions {
    private static final int ATTEMPTS = 10;

    private final SessionFactory sessionFactory;
    private final boolean joinCurrentSession;

    Sessions(SessionFactory sessionFactory, boolean joinCurrentSession) {
        this.sessionFactory = sessionFactory;
        this.joinCurrentSession = joinCurrentSession;
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** Runs a read: {@code query} may run on a stateful or a stateless session. */
    <T> T read(Function<? super SharedSessionContract, T> query) {
        try {
            return joinCurrentSession ? inCurrentSession(query, false) : sessionFactory.fromStatelessSession(query);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    /** Runs a write atomically. */
    void write(Consumer<? super Session> work) {
        write(session -> {
            work.accept(session);
            return Boolean.TRUE;
        });
    }

    /** Runs a write atomically and returns what it computed. */
    <T> T write(Function<? super Session, T> work) {
        try {
            return joinCurrentSession ? inCurrentSession(work, true) : inNewTransaction(work);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    private <T> T inNewTransaction(Function<? super Session, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sessionFactory.fromTransaction(work);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /** Waits a random while, longer after each attempt, so that the transactions that deadlocked do not meet again. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatehouseException("interrupted while waiting to run a transaction again", e);
        }
    }

    private <T> T inCurrentSession(Function<? super Session, T> work, boolean flush) {
        Session session = sessionFactory.getCurrentSession();
        Transaction transaction = session.getTransaction();
        if (!transaction.isActive()) {
            transaction.begin();
            try {
                T result = work.apply(session);
                transaction.commit();
                return result;
            } catch (RuntimeException e) {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
                throw e;
            }
        }
        T result = work.apply(session);
        if (flush) {
            session.flush();
        }
        return result;
    }

    /** Deadlock victims (SQLState 40001 on H2 and MariaDB, 40P01 on PostgreSQL) can simply run again. */
    private static boolean isDeadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }
}
