/**
 * The overview: what an agent should know about a person now, in one answer built from the other capabilities'
 * published views (training load and fatigue, activities, metrics against their baseline, injuries, program), with
 * what stands out named in words. Keeps no projection of its own.
 */
package dev.td.server.overview;
