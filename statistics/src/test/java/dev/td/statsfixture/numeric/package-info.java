/** Fixture numerics that reach up into a capability. */
package dev.td.statsfixture.numeric;
