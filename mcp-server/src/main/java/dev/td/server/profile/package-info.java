/**
 * The person's profile (time zone, weight unit, sex, birth year, body weight): its projection, the
 * {@code update_profile} and {@code get_profile} tools, and the published {@code Profiles} every
 * other capability asks for a person's time zone and unit. Also the person's calendar: the zone their
 * days are counted in when none is set ({@code ZoneInUse}, inferred from their events) and periods in
 * words ("last week", "letzte Woche", "June 2025": {@code PeriodWords}, {@code AskedPeriod},
 * {@code DayRange}).
 *
 * <p>A capability: may use {@code events}, {@code projections}, {@code capability}; uses no other
 * domain.
 */
package dev.td.server.profile;
