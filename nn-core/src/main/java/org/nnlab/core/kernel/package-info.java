/**
 * The array kernels behind every op, one interface ({@link org.nnlab.core.kernel.Kernels}) with a scalar
 * reference and a Vector API implementation chosen once at start-up ({@code -Dnn.kernels=auto|scalar|vector}).
 */
package org.nnlab.core.kernel;
