package dev.gatehouse.spi;

/** Reads and writes groups. */
public interface GroupStore extends GroupReader, GroupWriter {}
