/**
 * GAN Lab as a library (spec {@code spec/ganlab.md}): its real distributions ({@link org.nnlab.gan.RealData}),
 * noise ({@link org.nnlab.gan.NoiseType}) and atlases, the generator and discriminator
 * ({@link org.nnlab.gan.GanNetworks} on {@link org.nnlab.nn.dense.DenseStack}), log and least-squares losses, SGD and Adam, the epoch and step levels with
 * the five phases of an update as data ({@link org.nnlab.gan.GanSession}, {@link org.nnlab.gan.StepTrace}),
 * the grid KL and JS, and every quantity its views show ({@link org.nnlab.gan.GanFrame}).
 */
package org.nnlab.gan;
