package dev.td.server.profile;

import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.NamedProjection;
import java.util.List;

/** The person's current profile: each profile.updated changes only the fields it carries. Key: {@code profile}. */
final class ProfileProjection extends NamedProjection<Profile> {

    static final String NAME = "profile";
    static final String KEY = "profile";
    static final int VERSION = 2;

    ProfileProjection() {
        super(NAME, VERSION, Profile.class);
    }

    /** The person's settings hold for the past too: a week of 2023 is shown in today's unit and time zone. */
    @Override
    public boolean settings() {
        return true;
    }

    @Override
    public Profile empty(String key) {
        return Profile.empty();
    }

    @Override
    public List<String> keys(TrainingEvent event) {
        return event instanceof TrainingEvent.ProfileUpdated ? List.of(KEY) : List.of();
    }

    @Override
    public Profile apply(Profile p, TrainingEvent event) {
        if (!(event instanceof TrainingEvent.ProfileUpdated u)) {
            return p;
        }
        return new Profile(
                u.timeZone().map(java.time.ZoneId::getId).or(p::timeZone),
                u.weightUnit().or(p::weightUnit),
                u.sex().or(p::sex),
                u.birthYear().isPresent() ? u.birthYear() : p.birthYear(),
                u.bodyWeightKg().isPresent() ? u.bodyWeightKg() : p.bodyWeightKg(),
                u.restingHr().isPresent() ? u.restingHr() : p.restingHr(),
                u.maxHr().isPresent() ? u.maxHr() : p.maxHr(),
                u.ftpW().isPresent() ? u.ftpW() : p.ftpW());
    }
}
