package dev.td.statistics.sport;

/** Sex as used by sex-specific formulas (TRIMP weighting, Wilks/DOTS/IPF GL coefficients). */
public enum Sex {
    MALE,
    FEMALE
}
