package dev.td.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.td.server.events.TrainingEvent;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The profile fold: each update changes only the fields it carries; other events leave it alone. */
class ProfileProjectionTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-24T07:30:00+01:00");

    private static TrainingEvent.ProfileUpdated update(
            Optional<ZoneId> zone, Optional<String> unit, Optional<String> sex, OptionalInt born, OptionalDouble kg) {
        return new TrainingEvent.ProfileUpdated(
                UUID.randomUUID(),
                1,
                AT,
                zone,
                unit,
                sex,
                born,
                kg,
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalInt.empty());
    }

    @Test
    void eachUpdateChangesOnlyTheFieldsItCarries() {
        ProfileProjection fold = new ProfileProjection();
        Profile p = fold.empty(ProfileProjection.KEY);
        assertThat(p).isEqualTo(Profile.empty());
        p = fold.apply(
                p,
                update(
                        Optional.of(ZoneId.of("Europe/Berlin")),
                        Optional.of("kg"),
                        Optional.of("female"),
                        OptionalInt.of(1990),
                        OptionalDouble.of(61.5)));
        p = fold.apply(
                p,
                update(
                        Optional.empty(),
                        Optional.of("lb"),
                        Optional.empty(),
                        OptionalInt.empty(),
                        OptionalDouble.of(60.8)));
        assertThat(p)
                .isEqualTo(new Profile(
                        Optional.of("Europe/Berlin"),
                        Optional.of("lb"),
                        Optional.of("female"),
                        OptionalInt.of(1990),
                        OptionalDouble.of(60.8),
                        OptionalInt.empty(),
                        OptionalInt.empty(),
                        OptionalInt.empty()));
        p = fold.apply(
                p,
                update(
                        Optional.of(ZoneId.of("America/New_York")),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalInt.of(1991),
                        OptionalDouble.empty()));
        assertThat(p)
                .isEqualTo(new Profile(
                        Optional.of("America/New_York"),
                        Optional.of("lb"),
                        Optional.of("female"),
                        OptionalInt.of(1991),
                        OptionalDouble.of(60.8),
                        OptionalInt.empty(),
                        OptionalInt.empty(),
                        OptionalInt.empty()));
    }

    @Test
    void heartRatesAndThresholdPowerChangeOnlyWhenAnUpdateCarriesThem() {
        ProfileProjection fold = new ProfileProjection();
        Profile p = fold.apply(
                fold.empty(ProfileProjection.KEY),
                new TrainingEvent.ProfileUpdated(
                        UUID.randomUUID(),
                        1,
                        AT,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalInt.empty(),
                        OptionalDouble.empty(),
                        OptionalInt.of(52),
                        OptionalInt.of(188),
                        OptionalInt.of(250)));
        p = fold.apply(
                p,
                new TrainingEvent.ProfileUpdated(
                        UUID.randomUUID(),
                        2,
                        AT,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalInt.empty(),
                        OptionalDouble.empty(),
                        OptionalInt.of(48),
                        OptionalInt.empty(),
                        OptionalInt.empty()));
        assertThat(p.restingHr()).hasValue(48);
        assertThat(p.maxHr()).hasValue(188);
        assertThat(p.ftpW()).hasValue(250);
    }

    @Test
    void theProfileIsASettingThatReadsAsOfAPastDayTakeAsItStandsNow() {
        // units, time zone and physiology set today hold for 2023 too: as-of reads must not fold it back to empty
        assertThat(new ProfileProjection().settings()).isTrue();
    }

    @Test
    void onlyProfileUpdatesHaveTheProfileKey() {
        ProfileProjection fold = new ProfileProjection();
        TrainingEvent.SessionStarted other =
                new TrainingEvent.SessionStarted(UUID.randomUUID(), 2, AT, "s1", Optional.empty(), Optional.empty());
        assertThat(fold.keys(other)).isEmpty();
        assertThat(fold.keys(update(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalInt.empty(),
                        OptionalDouble.empty())))
                .containsExactly("profile");
        Profile p = Profile.empty();
        assertThat(fold.apply(p, other)).isSameAs(p);
        assertThat(fold.name()).isEqualTo("profile");
        assertThat(fold.version()).isEqualTo(2);
        assertThat(fold.stateType()).isEqualTo(Profile.class);
    }
}
