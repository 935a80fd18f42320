/**
 * Drawing primitives over plain arrays, to PNG and animated GIF: heatmaps, contours, scatter, warped
 * grids, gradient kites, line charts, network diagrams and contact sheets, and atomic file writes. No
 * {@code Tensor} in sight: the pictures of nnlab's models, built on these, are in {@link org.nnlab.raster.view}.
 */
package org.nnlab.raster;
