/**
 * Gradient checking against central differences ({@link org.nnlab.core.check.GradCheck}), for nnlab's ops and
 * users' own.
 */
package org.nnlab.core.check;
