/**
 * ShapeShop (spec {@code spec/shapeshop.md}) and activation maximization: its 18 shapes, data, MLP and CNN,
 * Keras' training, class activation maximization with the Pearson correlation, the paper's scenarios, and
 * {@link org.nnlab.actmax.ActivationMaximization} for any unit of any model.
 */
package org.nnlab.actmax;
