package dev.gatehouse.cli;

import java.util.function.Supplier;

/** Runs work in one database transaction that every store call made inside it joins, where the backend can. */
interface Transactions {
    /** For a backend without a transaction the command line can open: each store call is atomic on its own. */
    Transactions NONE = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public boolean isAtomic() {
            return false;
        }
    };

    /**
     * Runs {@code work}; commits if it returns, rolls back everything it wrote if it throws.
     *
     * @return what {@code work} returned
     */
    <T> T inTransaction(Supplier<T> work);

    /** @return whether {@link #inTransaction} really makes its work all-or-nothing */
    boolean isAtomic();
}
