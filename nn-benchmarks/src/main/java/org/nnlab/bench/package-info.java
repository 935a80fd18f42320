/**
 * JMH benchmarks, run as one jar ({@code nn-benchmarks/target/benchmarks.jar}): kernels against the FMA peak and
 * EJML, the seed systems' training and pictures against their own engines' speeds, rendering and encoding.
 */
package org.nnlab.bench;
