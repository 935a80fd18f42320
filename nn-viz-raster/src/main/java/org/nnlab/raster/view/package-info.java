/**
 * Pictures of our models: Playground's main picture and time-lapse, GAN Lab's views, ShapeShop's result rows,
 * and architecture diagrams of any model.
 */
package org.nnlab.raster.view;
