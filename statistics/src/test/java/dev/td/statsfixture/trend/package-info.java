/** A fixture capability that uses the numerics, which use it back. */
package dev.td.statsfixture.trend;
