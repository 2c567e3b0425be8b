package dev.td.server.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.td.tools.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body parts an injury can concern ({@code td/health/body-parts.json} in the schema module): each with the
 * words people use for it in English and German, and what an injury there usually limits (muscles, movement
 * patterns, sports). The person's own report adds to that; td never removes what they said.
 */
final class BodyParts {

    /** The body part that stands for being ill or hurt all over: it affects all training. */
    static final String GENERAL = "general";

    /** One body part and what an injury there usually limits. */
    record BodyPart(String id, List<String> terms, Set<String> muscles, Set<String> patterns, Set<String> sports) {
        BodyPart {
            terms = List.copyOf(terms);
            muscles = Set.copyOf(muscles);
            patterns = Set.copyOf(patterns);
            sports = Set.copyOf(sports);
        }
    }

    private static final BodyParts BUNDLED = load();

    private final Map<String, BodyPart> byId;
    private final Map<String, BodyPart> byTerm;

    private BodyParts(List<BodyPart> parts) {
        Map<String, BodyPart> ids = new LinkedHashMap<>();
        Map<String, BodyPart> terms = new LinkedHashMap<>();
        for (BodyPart p : parts) {
            ids.put(p.id(), p);
            terms.putIfAbsent(normalize(p.id().replace('_', ' ')), p);
            for (String t : p.terms()) {
                terms.putIfAbsent(normalize(t), p);
            }
        }
        this.byId = Map.copyOf(ids);
        this.byTerm = Map.copyOf(terms);
    }

    static BodyParts bundled() {
        return BUNDLED;
    }

    /** The body part with this id or known by this word (EN/DE; case, accents and a leading side ignored). */
    Optional<BodyPart> find(String said) {
        String n = normalize(said);
        BodyPart direct = byTerm.get(n);
        if (direct != null) {
            return Optional.of(direct);
        }
        for (String prefix :
                List.of("left ", "right ", "linke ", "linker ", "linkes ", "rechte ", "rechter ", "rechtes ")) {
            if (n.startsWith(prefix)) {
                return Optional.ofNullable(byTerm.get(n.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    Optional<BodyPart> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids, in the vocabulary's order, for error messages. */
    List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The side a phrase names ("left knee", "rechtes Knie"), if any. */
    static Optional<String> sideIn(String said) {
        String n = normalize(said);
        if (n.startsWith("left ") || n.startsWith("link")) {
            return Optional.of("left");
        }
        if (n.startsWith("right ") || n.startsWith("recht")) {
            return Optional.of("right");
        }
        return Optional.empty();
    }

    /** Lower case, accents and apostrophes removed, runs of other separators as one space. */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace("ß", "ss")
                .replace("'", "");
        return decomposed.replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static BodyParts load() {
        try (InputStream in = BodyParts.class.getClassLoader().getResourceAsStream("td/health/body-parts.json")) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource td/health/body-parts.json");
            }
            JsonNode root = Json.mapper().readTree(in);
            List<BodyPart> parts = new ArrayList<>();
            for (JsonNode p : root.get("body_parts")) {
                parts.add(new BodyPart(
                        p.get("id").asText(),
                        strings(p.get("terms")),
                        Set.copyOf(strings(p.get("muscles"))),
                        Set.copyOf(strings(p.get("patterns"))),
                        Set.copyOf(strings(p.get("sports")))));
            }
            return new BodyParts(parts);
        } catch (IOException e) {
            throw new UncheckedIOException("td/health/body-parts.json", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
