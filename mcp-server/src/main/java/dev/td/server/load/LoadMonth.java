package dev.td.server.load;

import java.util.Map;
import java.util.TreeMap;

/** The sessions of one calendar month (the person's), by session or activity id, as the load fold keeps them. */
record LoadMonth(Map<String, SessionInput> sessions) {

    LoadMonth {
        sessions = java.util.Collections.unmodifiableMap(new TreeMap<>(sessions));
    }

    static LoadMonth empty() {
        return new LoadMonth(Map.of());
    }

    LoadMonth with(SessionInput session) {
        Map<String, SessionInput> next = new TreeMap<>(sessions);
        next.put(session.id(), session);
        return new LoadMonth(next);
    }
}
