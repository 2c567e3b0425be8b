/**
 * Health and plan: injuries (reported, updated, resolved; what they affect), the person's training program
 * and its phase, free notes, and the context every training answer carries about them (an active injury
 * that touches the exercise or sport asked about, the program phase the person is in). Published:
 * {@code Health} (active injuries, the program on a day, and the blocks, program phases with their days).
 */
package dev.td.server.health;
