/**
 * The engine's only way to touch files: a small {@link org.ringlet.storage.lsm.io.FileSystem} interface with a
 * local implementation (real files, real fsync), an in-memory one that models what survives a power loss
 * (file contents and directory entries become durable only when synced), and a fault-injecting decorator for
 * tests (I/O errors, a full disk, corruption, power loss at a chosen moment).
 */
package org.ringlet.storage.lsm.io;
