/**
 * The tensor core: float32 {@link org.nnlab.core.Tensor}s with reverse-mode autodiff, shapes, the seeded
 * {@link org.nnlab.core.Rng}, gradients, argument checks, where the arithmetic runs ({@link org.nnlab.core.Compute})
 * and the {@link org.nnlab.core.ProgressListener} long runs tell how far they are.
 */
package org.nnlab.core;
