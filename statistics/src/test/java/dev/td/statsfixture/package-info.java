/**
 * A tiny statistics module that breaks every house rule of {@code StatisticsHouseRulesTest} on
 * purpose, so the tests show the rules fail: a root type using a capability, numerics using a
 * capability (and so a cycle), a capability using Jackson, and a package over the limit without a
 * {@code package-info.java}.
 */
package dev.td.statsfixture;
