/**
 * GAN Lab as a library: real distributions, generator and discriminator, log and least-squares losses,
 * step levels and metrics. Built on {@code org.nnlab.core} and {@code org.nnlab.nn}; arrives with its
 * own issue (spec {@code spec/ganlab.md}).
 */
package org.nnlab.gan;
