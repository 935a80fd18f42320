/**
 * The fused dense stack: fully connected networks whose layers run as one pass each on reused buffers,
 * for the small networks of GAN Lab (and the grids their pictures evaluate), where per-operation overhead,
 * not arithmetic, is the cost.
 */
package org.nnlab.nn.dense;
