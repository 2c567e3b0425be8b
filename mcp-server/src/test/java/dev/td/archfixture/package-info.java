/**
 * A tiny server that breaks every house rule on purpose, so the architecture tests show they fail:
 * a stray package no rule places, a domain reaching into another's unpublished class and into Helidon, the event log depending on a
 * domain (upward, and a cycle), and a projection that reads the clock.
 */
package dev.td.archfixture;
