/**
 * Runnable programs over nnlab's public API: the {@code nnlab.jar} command line ({@link org.nnlab.examples.Nnlab}:
 * playground, ganlab, shapeshop, diagram, live), the gallery ({@link org.nnlab.examples.Gallery}) and one short program per
 * scenario, each mirrored by a script in {@code examples/jshell/}.
 */
package org.nnlab.examples;
