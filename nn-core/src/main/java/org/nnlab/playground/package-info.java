/**
 * TensorFlow Playground as a library (spec {@code spec/playground.md}): its data sets, features, network,
 * training, heatmaps and URL state, bit for bit.
 */
package org.nnlab.playground;
