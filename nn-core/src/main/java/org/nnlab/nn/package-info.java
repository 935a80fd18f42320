/**
 * Layers, losses, optimizers and model summaries over the tensor core: {@link org.nnlab.nn.Sequential},
 * {@link org.nnlab.nn.ModelSummary}, SGD, Adam and Adadelta.
 */
package org.nnlab.nn;
