package dev.td.archfixture.projections;

/** The fixture's projection contract. */
public interface Projection {

    long apply(long state, long event);
}
