package dev.td.server.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.td.server.access.AccessLogStore;
import dev.td.server.access.Accounts;
import dev.td.server.access.Grants;
import dev.td.server.events.JsonFields;
import dev.td.server.events.TimeInput;
import dev.td.tools.Envelope;
import dev.td.tools.ErrorCode;
import dev.td.tools.Meta;
import dev.td.tools.Principal;
import dev.td.tools.ToolCall;
import dev.td.tools.ToolException;
import dev.td.tools.ToolRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * A person's own account as tools: their keys (list, create, relabel, rotate, revoke) and the grants they give
 * and hold. These tools always act on the caller's own account; they take no {@code person}.
 */
final class AccountTools {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SHOWN_ONCE =
            "Shown once: give it to the agent now (e.g. its TD_API_KEY); td keeps only its hash and cannot show it again.";

    private final Accounts accounts;
    private final Grants grants;
    private final Set<String> knownScopes;
    private final Function<UUID, ZoneId> zoneOf;
    private final AccessLogStore accessLog;

    AccountTools(
            Accounts accounts,
            Grants grants,
            AccessLogStore accessLog,
            Set<String> knownScopes,
            Function<UUID, ZoneId> zoneOf) {
        this.accounts = accounts;
        this.grants = grants;
        this.accessLog = accessLog;
        this.knownScopes = Set.copyOf(knownScopes);
        this.zoneOf = zoneOf;
    }

    void register(ToolRegistry.Builder tools) {
        tools.handle("list_keys", this::listKeys);
        tools.handle("create_key", this::createKey);
        tools.handle("update_key", this::updateKey);
        tools.handle("rotate_key", this::rotateKey);
        tools.handle("revoke_key", this::revokeKey);
        tools.handle("grant_access", this::grantAccess);
        tools.handle("list_grants", this::listGrants);
        tools.handle("revoke_grant", this::revokeGrant);
        tools.handle("get_access_log", this::accessLog);
    }

    private Envelope accessLog(ToolCall call) {
        Principal p = call.principal();
        JsonNode args = call.arguments();
        ZoneId zone = zoneOf.apply(p.userId());
        LocalDate today = LocalDate.now(zone);
        LocalDate to = args.has("to") ? day(args, "to") : today;
        LocalDate from = args.has("from") ? day(args, "from") : to.minusDays(30);
        if (from.isAfter(to)) {
            throw ToolException.invalid("$.from", "from " + from + " is after to " + to + "; swap them");
        }
        String about = args.path("about").asText("my_data");
        List<AccessLogStore.Entry> entries = accessLog.entries(
                p.userId(),
                about.equals("my_data"),
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                args.path("limit").asInt(50));
        ObjectNode data = JSON.objectNode();
        data.put("about", about);
        data.put("from", from.toString());
        data.put("to", to.toString());
        ArrayNode rows = data.putArray("entries");
        for (AccessLogStore.Entry e : entries) {
            rows.add(e.toJson());
        }
        return answer(call, data);
    }

    private static LocalDate day(JsonNode args, String field) {
        try {
            LocalDate day = LocalDate.parse(args.path(field).textValue());
            if (day.getYear() < 1900 || day.getYear() > 9999) {
                throw ToolException.invalid("$." + field, "'" + day + "' is outside the years 1900 to 9999");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ToolException.invalid(
                    "$." + field, "'" + args.path(field).textValue() + "' is not a date (2026-11-01)");
        }
    }

    private Envelope listKeys(ToolCall call) {
        Principal p = call.principal();
        ObjectNode data = JSON.objectNode();
        data.set("me", person(accounts.person(p.userId())));
        ArrayNode keys = data.putArray("keys");
        accounts.keysOf(p.userId()).forEach(k -> keys.add(key(k, p)));
        return answer(call, data);
    }

    private Envelope createKey(ToolCall call) {
        Principal p = call.principal();
        JsonNode args = call.arguments();
        String agent = agent(args);
        Set<String> scopes = args.has("scopes") ? scopes(args.path("scopes"), "$.scopes", p) : p.scopes();
        Optional<Instant> expires = expiry(args, p.userId());
        String idempotencyKey = args.path("idempotency_key").textValue();
        Optional<Accounts.NewKey> created =
                accounts.newKeyFor(p.userId(), agent, scopes, expires, Optional.of(idempotencyKey));
        if (created.isEmpty()) {
            Accounts.KeyInfo earlier = accounts.keyByIdempotencyKey(p.userId(), idempotencyKey)
                    .orElseThrow(() -> new IllegalStateException("key of " + idempotencyKey + " not found"));
            throw ToolException.conflict(
                    "$.idempotency_key",
                    "a key was created with this idempotency key before (" + earlier.display() + "…, key_id "
                            + earlier.keyId() + ", agent '" + earlier.agent()
                            + "'); td cannot show it again. If it was lost, revoke it (revoke_key) and create a"
                            + " key with a new idempotency key");
        }
        ObjectNode data = JSON.objectNode();
        data.set("created", newKey(created.get(), agent, scopes, expires));
        return answer(call, data);
    }

    private Envelope updateKey(ToolCall call) {
        Principal p = call.principal();
        UUID keyId = id(call.arguments(), "key_id");
        if (!accounts.relabel(p.userId(), keyId, agent(call.arguments()))) {
            throw noKey(keyId);
        }
        ObjectNode data = JSON.objectNode();
        data.set("key", key(accounts.keyOf(p.userId(), keyId).orElseThrow(() -> noKey(keyId)), p));
        return answer(call, data);
    }

    private Envelope rotateKey(ToolCall call) {
        Principal p = call.principal();
        UUID keyId = id(call.arguments(), "key_id");
        Accounts.KeyInfo old = accounts.keyOf(p.userId(), keyId).orElseThrow(() -> noKey(keyId));
        if (old.revoked().isPresent()) {
            throw ToolException.conflict(
                    "$.key_id",
                    "the key " + old.display() + "… was revoked at "
                            + old.revoked().get()
                            + " (rotated before, or revoked); list_keys shows the key in force; create_key makes a new one");
        }
        Accounts.NewKey created = accounts.rotate(p.userId(), keyId).orElseThrow(() -> noKey(keyId));
        ObjectNode data = JSON.objectNode();
        data.set("created", newKey(created, old.agent(), old.scopes(), old.expires()));
        data.set("revoked", key(accounts.keyOf(p.userId(), keyId).orElseThrow(() -> noKey(keyId)), p));
        return answer(call, data);
    }

    private Envelope revokeKey(ToolCall call) {
        Principal p = call.principal();
        UUID keyId = id(call.arguments(), "key_id");
        if (accounts.keyOf(p.userId(), keyId).isEmpty()) {
            throw noKey(keyId);
        }
        boolean changed = accounts.revoke(p.userId(), keyId);
        ObjectNode data = JSON.objectNode();
        data.set("key", key(accounts.keyOf(p.userId(), keyId).orElseThrow(() -> noKey(keyId)), p));
        data.put("changed", changed);
        return answer(call, data);
    }

    private Envelope grantAccess(ToolCall call) {
        Principal p = call.principal();
        JsonNode args = call.arguments();
        String handle = args.path("grantee").textValue().strip();
        Accounts.Person grantee = accounts.personNamed(handle)
                .orElseThrow(() -> ToolException.notFound(
                        "$.grantee",
                        "no person has the handle '" + handle
                                + "'; ask them for theirs (list_keys shows it as me.handle)"));
        if (grantee.userId().equals(p.userId())) {
            throw ToolException.invalid("$.grantee", "that is you; a grant goes to another person");
        }
        String role = args.path("role").textValue();
        Set<String> scopes;
        if (args.has("scopes")) {
            scopes = scopes(args.path("scopes"), "$.scopes", p);
        } else if (role.equals(Roles.CUSTOM)) {
            throw ToolException.invalid(
                    "scopes", "a custom grant needs scopes, e.g. [\"training:read\", \"notes:write\"]");
        } else {
            scopes = Roles.preset(role);
            for (String scope : scopes) {
                if (!p.may(scope)) {
                    throw new ToolException(
                            ErrorCode.FORBIDDEN,
                            "$.role",
                            "the " + role + " role gives '" + scope
                                    + "', which this API key does not have itself; use a key that has it, or give"
                                    + " scopes within this key's: " + String.join(", ", new TreeSet<>(p.scopes())));
                }
            }
        }
        for (String scope : scopes) {
            if (!Roles.grantable(scope)) {
                throw ToolException.invalid(
                        "$.scopes",
                        "'" + scope + "' cannot be granted: a grant gives reading a kind of data (training:read,"
                                + " metrics:read, health:read …) and writing notes, programs or injuries (notes:write,"
                                + " programs:write, injuries:write); never *, account or stats scopes");
            }
        }
        Optional<Instant> expires = expiry(args, p.userId());
        Optional<Grants.Grant> same = grants.of(p.userId()).stream()
                .filter(g -> g.owner().userId().equals(p.userId())
                        && g.grantee().userId().equals(grantee.userId())
                        && g.activeAt(Instant.now())
                        && g.role().equals(role)
                        && g.scopes().equals(scopes)
                        && g.expires().equals(expires))
                .findFirst();
        Grants.Grant grant = same.orElseGet(() -> grants.grant(p.userId(), grantee.userId(), role, scopes, expires));
        ObjectNode data = JSON.objectNode();
        data.set("grant", grant(grant));
        data.put("changed", same.isEmpty());
        if (scopes.contains("events:read")) {
            // the raw log holds every kind: a grant of events:read reads sleep and injuries whatever else it says
            ObjectNode context = JSON.objectNode();
            context.putArray("notes")
                    .add("events:read reads the whole raw log (get_events, get_evidence): every kind of data, not"
                            + " only the kinds the other scopes of this grant name; revoke and grant again without"
                            + " it if that was not meant");
            return new Envelope(data, context, Meta.now(call.origin().requestId()));
        }
        return answer(call, data);
    }

    private Envelope listGrants(ToolCall call) {
        Principal p = call.principal();
        boolean all = call.arguments().path("include_inactive").asBoolean(false);
        Instant now = Instant.now();
        ObjectNode data = JSON.objectNode();
        data.set("me", person(accounts.person(p.userId())));
        ArrayNode given = data.putArray("given");
        ArrayNode held = data.putArray("held");
        for (Grants.Grant g : grants.of(p.userId())) {
            if (all || g.activeAt(now)) {
                (g.owner().userId().equals(p.userId()) ? given : held).add(grant(g));
            }
        }
        return answer(call, data);
    }

    private Envelope revokeGrant(ToolCall call) {
        Principal p = call.principal();
        UUID grantId = id(call.arguments(), "grant_id");
        if (grants.find(p.userId(), grantId).isEmpty()) {
            throw noGrant(grantId);
        }
        boolean changed = grants.revoke(p.userId(), grantId);
        ObjectNode data = JSON.objectNode();
        data.set("grant", grant(grants.find(p.userId(), grantId).orElseThrow(() -> noGrant(grantId))));
        data.put("changed", changed);
        return answer(call, data);
    }

    private static Envelope answer(ToolCall call, ObjectNode data) {
        return Envelope.of(data, Meta.now(call.origin().requestId()));
    }

    private static String agent(JsonNode args) {
        String agent = args.path("agent").textValue().strip();
        if (agent.isEmpty()) {
            throw ToolException.invalid("$.agent", "name the agent the key is for, e.g. telegram-bot");
        }
        return agent;
    }

    /** The scopes asked for: known, and each within what the calling key has (a key never makes a stronger one). */
    private Set<String> scopes(JsonNode array, String path, Principal caller) {
        Set<String> scopes = new TreeSet<>();
        List<String> asked = JsonFields.texts(array);
        for (int i = 0; i < asked.size(); i++) {
            String scope = asked.get(i).strip();
            if (!knownScopes.contains(scope)) {
                throw ToolException.invalid(
                        path + "[" + i + "]",
                        "unknown scope '" + scope + "'; known: " + String.join(", ", knownScopes));
            }
            if (!caller.may(scope) || (scope.equals("*") && !caller.scopes().contains("*"))) {
                throw new ToolException(
                        ErrorCode.FORBIDDEN,
                        path + "[" + i + "]",
                        "this API key does not have '" + scope + "' itself and cannot give it; its scopes: "
                                + String.join(", ", new TreeSet<>(caller.scopes())));
            }
            scopes.add(scope);
        }
        return scopes;
    }

    /** {@code expires}: a date means the end of that day in the person's zone; it must lie in the future. */
    private Optional<Instant> expiry(JsonNode args, UUID user) {
        if (!args.hasNonNull("expires")) {
            return Optional.empty();
        }
        String text = args.path("expires").textValue();
        ZoneId zone = zoneOf.apply(user);
        Instant at;
        try {
            LocalDate day = LocalDate.parse(text);
            // the end of that day: the bound of the next one (refused like any bound outside the years td keeps)
            at = TimeInput.bound(day.getYear() < 9999 ? day.plusDays(1).toString() : text, zone, "$.expires");
        } catch (DateTimeParseException notADate) {
            at = TimeInput.bound(text, zone, "$.expires");
        }
        if (!at.isAfter(Instant.now())) {
            throw ToolException.invalid(
                    "$.expires", "'" + text + "' is not in the future; give a later date, or leave expires out");
        }
        return Optional.of(at);
    }

    private static UUID id(JsonNode args, String field) {
        return UUID.fromString(args.path(field).textValue());
    }

    private static ToolException noKey(UUID keyId) {
        return ToolException.notFound("$.key_id", "you have no key " + keyId + "; list_keys shows yours");
    }

    private static ToolException noGrant(UUID grantId) {
        return ToolException.notFound(
                "$.grant_id", "you gave no grant " + grantId + "; list_grants shows the grants you gave");
    }

    private static ObjectNode person(Accounts.Person person) {
        return JSON.objectNode()
                .put("id", person.userId().toString())
                .put("handle", person.handle())
                .put("name", person.name());
    }

    private static ObjectNode key(Accounts.KeyInfo k, Principal caller) {
        ObjectNode node = JSON.objectNode();
        node.put("key_id", k.keyId().toString());
        node.put("agent", k.agent());
        node.put("display", k.display());
        scopeArray(node.putArray("scopes"), k.scopes());
        node.put("created_at", k.created().toString());
        node.put("expires_at", k.expires().map(Instant::toString).orElse(null));
        node.put("revoked_at", k.revoked().map(Instant::toString).orElse(null));
        node.put("this_key", k.keyId().equals(caller.keyId()));
        return node;
    }

    private static ObjectNode newKey(Accounts.NewKey k, String agent, Set<String> scopes, Optional<Instant> expires) {
        ObjectNode node = JSON.objectNode();
        node.put("key", k.key());
        node.put("key_id", k.keyId().toString());
        node.put("display", k.display());
        node.put("agent", agent);
        scopeArray(node.putArray("scopes"), scopes);
        node.put("expires_at", expires.map(Instant::toString).orElse(null));
        node.put("note", SHOWN_ONCE);
        return node;
    }

    private static ObjectNode grant(Grants.Grant g) {
        ObjectNode node = JSON.objectNode();
        node.put("grant_id", g.grantId().toString());
        node.set("owner", person(g.owner()));
        node.set("grantee", person(g.grantee()));
        node.put("role", g.role());
        scopeArray(node.putArray("scopes"), g.scopes());
        node.put("created_at", g.created().toString());
        node.put("expires_at", g.expires().map(Instant::toString).orElse(null));
        node.put("revoked_at", g.revoked().map(Instant::toString).orElse(null));
        node.put("active", g.activeAt(Instant.now()));
        return node;
    }

    private static void scopeArray(ArrayNode array, Set<String> scopes) {
        new ArrayList<>(new TreeSet<>(scopes)).forEach(array::add);
    }
}
