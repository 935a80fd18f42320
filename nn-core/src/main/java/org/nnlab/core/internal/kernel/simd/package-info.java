/**
 * Internal, not API: the Vector API kernels ({@code jdk.incubator.vector}), the only package that imports it, loaded by name
 * only when the module is present.
 */
package org.nnlab.core.internal.kernel.simd;
