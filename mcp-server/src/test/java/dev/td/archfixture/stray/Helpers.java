package dev.td.archfixture.stray;

/** A package no layer and no capability claims: the kind of grab-bag the rules must not let through. */
public final class Helpers {

    private Helpers() {}
}
