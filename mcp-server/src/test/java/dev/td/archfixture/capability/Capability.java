package dev.td.archfixture.capability;

/** The fixture's capability seam: implementing it makes a package a domain. */
public interface Capability {

    String name();
}
