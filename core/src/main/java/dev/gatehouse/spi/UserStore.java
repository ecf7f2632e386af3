package dev.gatehouse.spi;

/** Reads and writes users. */
public interface UserStore extends UserReader, UserWriter {}
