/**
 * Internal, not API: the array kernels behind every op, one interface
 * ({@link org.nnlab.core.internal.kernel.Kernels}) with a scalar reference and a Vector API implementation
 * chosen once at start-up ({@code -Dnn.kernels=auto|scalar|vector}). They validate nothing and may change
 * between releases; programs reach them through {@link org.nnlab.core.Tensor}'s ops, {@code org.nnlab.nn} and
 * {@link org.nnlab.core.Compute}.
 */
package org.nnlab.core.internal.kernel;
