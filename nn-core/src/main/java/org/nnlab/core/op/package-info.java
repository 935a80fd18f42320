/**
 * The ops: each pairs a forward computation with its backward rule (arithmetic, reductions, matmul,
 * convolution, pooling, softmax, fused losses).
 */
package org.nnlab.core.op;
