package dev.td.server.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.analysis.StatisticsJson;
import dev.td.server.health.Health;
import dev.td.server.profile.DayRange;
import dev.td.server.profile.Profiles;
import dev.td.server.profile.ZoneInUse;
import dev.td.tools.Envelope;
import dev.td.tools.Meta;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * compare_periods: two periods and one subject, each side's values summarized, and b − a with its interval, an
 * effect size and the test that ran ({@link PeriodComparison}). A period in words is read in the person's zone; a
 * program block needs {@code programs:read}, and each subject the scope of its part (training, endurance, or the
 * metric's own), named in a refusal.
 */
final class ComparePeriods {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PROGRAMS_READ = "programs:read";

    private final Profiles profiles;
    private final Health health;
    private final SubjectReader reader;

    ComparePeriods(Profiles profiles, Health health, SubjectReader reader) {
        this.profiles = profiles;
        this.health = health;
        this.reader = reader;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle(SubjectReader.TOOL, this::answer);
    }

    private Envelope answer(ToolCall call) {
        UUID user = call.principal().userId();
        Principal principal = call.principal();
        Subject subject = Subject.of(call.arguments());
        ZoneInUse zone = profiles.zoneInUse(user);
        LocalDate today = Instant.now().atZone(zone.zone()).toLocalDate();
        PeriodPair periods = PeriodPair.of(call.arguments(), today, (day, path) -> {
            if (!principal.may(PROGRAMS_READ)) {
                // a block's days are the program's: a grant without programs:read does not show them
                throw ToolRegistry.forbidden(SubjectReader.TOOL, PROGRAMS_READ, principal, path);
            }
            return health.blocksUpTo(user, day);
        });
        SubjectReader.Reading read = reader.read(subject, periods, user, principal, today);
        double[] a = read.a().array();
        double[] b = read.b().array();
        PeriodComparison.Result result = PeriodComparison.of(a, b);
        ObjectNode data = JSON.objectNode();
        data.set("subject", read.subject());
        ObjectNode measure = data.putObject("measure").put("name", subject.measure());
        if (read.unit().isEmpty()) {
            measure.putNull("unit");
        } else {
            measure.put("unit", read.unit());
        }
        measure.put("per", read.per());
        data.set("a", PeriodComparison.side(periods.a(), a, read.additive()));
        data.set("b", PeriodComparison.side(periods.b(), b, read.additive()));
        data.set("difference", result.difference());
        data.set("effect_size", result.effectSize());
        data.set("test", result.test());
        ObjectNode context = JSON.objectNode();
        List<String> notes = new ArrayList<>();
        periods.a().block().ifPresent(notes::add);
        periods.b().block().ifPresent(notes::add);
        periods.overlap().ifPresent(days -> notes.add(overlap(days)));
        if (a.length + b.length == 0) {
            notes.add("nothing of " + subject.said() + " in either period; check the name and the days");
        }
        notes.addAll(read.notes());
        notes.addAll(result.notes());
        ArrayNode list = context.putArray("notes");
        notes.forEach(list::add);
        zone.hint().ifPresent(h -> context.put("time_zone", h));
        Meta meta =
                Meta.now(call.origin().requestId()).withStatisticalQuality(StatisticsJson.quality(result.quality()));
        return new Envelope(data, context, meta);
    }

    private static String overlap(DayRange days) {
        return "a and b share the days " + days.from() + " to " + days.to()
                + ": what happened then counts on both sides, and the test takes the sides as independent";
    }
}
