/**
 * Sharing as tools: a person's own API keys (list, create, relabel, rotate, revoke) and the grants they give and
 * hold (coach, physio, doctor or custom scopes). The grants themselves, and how a call naming another person goes
 * through one, live in {@code access}.
 */
package dev.td.server.sharing;
