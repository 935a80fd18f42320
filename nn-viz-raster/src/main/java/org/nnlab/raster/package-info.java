/**
 * Drawing primitives over plain arrays, to PNG and animated GIF: heatmaps, contours, scatter, warped
 * grids, charts and diagrams. No Tensor in sight; arrives with its own issue.
 */
package org.nnlab.raster;
