package dev.gatehouse.spi;

/** Reads and writes resources. */
public interface ResourceStore extends ResourceReader, ResourceWriter {}
