package dev.td.bench;

import dev.td.server.events.EffectiveLog;
import dev.td.server.events.TrainingEvent;
import dev.td.server.projections.Projection;
import dev.td.server.projections.ProjectionEngine;
import dev.td.server.wiring.TdCore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The baseline a query is compared with: the projections it reads, computed from the person's effective log in
 * process (no HTTP, no rendering, not even the answer's arithmetic — the baseline is given every advantage). One
 * projection: {@link ProjectionEngine#foldFromLog}. Several: one pass over the log folding each event into all of
 * them (the same query and fold as foldFromLog, so reading the log is counted once, not once per projection).
 */
final class Recompute {

    private final TdCore core;
    private final UUID user;
    private final List<String> names;
    private final List<Projection<?>> projections;

    Recompute(TdCore core, UUID user, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a row names at least one projection for its recompute baseline");
        }
        this.core = core;
        this.user = user;
        this.names = List.copyOf(names);
        List<Projection<?>> found = new ArrayList<>();
        for (String name : names) {
            found.add(core.projections().projections().stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no projection '" + name + "'; td has "
                            + core.projections().projections().stream()
                                    .map(Projection::name)
                                    .toList())));
        }
        this.projections = List.copyOf(found);
    }

    /** Reads every stored state of the projections (what the tool reads, at most); returns how many. */
    int readAll() {
        return projections.stream()
                .mapToInt(p -> core.projections().readAll(user, p).size())
                .sum();
    }

    /** Folds the projections from the log; returns the keys computed (so the work cannot be optimised away). */
    int run() {
        if (names.size() == 1) {
            return core.projections().foldFromLog(user, names.getFirst()).size();
        }
        List<Map<String, Object>> states = new ArrayList<>();
        projections.forEach(p -> states.add(new LinkedHashMap<>()));
        try (Connection c = core.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            new EffectiveLog()
                    .forEach(
                            c,
                            user,
                            Long.MAX_VALUE,
                            Optional.empty(),
                            fact -> TrainingEvent.of(fact).ifPresent(e -> {
                                for (int i = 0; i < projections.size(); i++) {
                                    ProjectionEngine.fold(projections.get(i), states.get(i), e);
                                }
                            }));
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states.stream().mapToInt(Map::size).sum();
    }
}
