/**
 * The exercise catalog: the community taxonomy and each person's own exercises, aliases in several
 * languages, name resolution (exact, alias, trigram; candidates instead of guesses), the catalog
 * tools, the fixed vocabularies (muscle groups, patterns, equipment, body regions), and the rule
 * that a logged set names a known exercise. Published: {@code Exercises}, {@code NameResolver},
 * {@code Exercise}, {@code MuscleGroups}.
 *
 * <p>A capability: may use {@code events}, {@code capability} and the published types of
 * {@code profile}.
 */
package dev.td.server.exercises;
