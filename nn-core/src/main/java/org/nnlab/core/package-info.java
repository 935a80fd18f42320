/**
 * The tensor core: float32 {@link org.nnlab.core.Tensor}s with reverse-mode autodiff, shapes, the seeded
 * {@link org.nnlab.core.Rng}, gradients and argument checks.
 */
package org.nnlab.core;
