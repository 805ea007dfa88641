/** Finding the source a spun text was copied from: fingerprints, index, alignment, restoration. */
package org.despin.source;
