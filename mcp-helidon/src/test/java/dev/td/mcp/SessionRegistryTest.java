package dev.td.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSession;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What both transports rely on their shared session registry for, checked without HTTP. */
class SessionRegistryTest {

    /** A session that records what the registry did to it. */
    static final class RecordedSession implements SessionRegistry.Registered, McpSession {
        final List<String> notifications = new CopyOnWriteArrayList<>();
        final Object owner;
        final boolean failsToNotify;
        volatile boolean closed;
        volatile boolean streamsClosed;

        RecordedSession(Object owner, boolean failsToNotify) {
            this.owner = owner;
            this.failsToNotify = failsToNotify;
        }

        static RecordedSession of(String owner) {
            return new RecordedSession(owner, false);
        }

        @Override
        public McpSession sdk() {
            return this;
        }

        @Override
        public boolean ownedBy(McpTransportContext context) {
            return Objects.equals(owner, context.get(McpRequestGuard.PRINCIPAL));
        }

        @Override
        public void closeStreams() {
            streamsClosed = true;
        }

        @Override
        public <T> Mono<T> sendRequest(String method, Object params, TypeRef<T> type) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> sendNotification(String method, Object params) {
            if (failsToNotify) {
                return Mono.error(new IllegalStateException("client went away"));
            }
            return Mono.fromRunnable(() -> notifications.add(method));
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(this::close);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static SessionRegistry<RecordedSession> registryOf(Map<String, RecordedSession> byId) {
        SessionRegistry<RecordedSession> sessions = new SessionRegistry<>();
        byId.forEach(sessions::add);
        return sessions;
    }

    private static McpTransportContext asPrincipal(String name) {
        return McpTransportContext.create(Map.of(McpRequestGuard.PRINCIPAL, name));
    }

    @Test
    void closeAllClosesEverySessionAndItsStreamsAndStopsTakingRequests() {
        RecordedSession ada = RecordedSession.of("ada");
        RecordedSession bob = RecordedSession.of("bob");
        SessionRegistry<RecordedSession> sessions = registryOf(Map.of("s1", ada, "s2", bob));

        sessions.closeAll();

        assertThat(sessions.isOpen())
                .as("a closed registry takes no more requests")
                .isFalse();
        assertThat(sessions.size()).isZero();
        assertThat(List.of(ada.closed, bob.closed)).containsOnly(true);
        assertThat(List.of(ada.streamsClosed, bob.streamsClosed)).containsOnly(true);
    }

    @Test
    void aSessionIsFoundOnlyByThePrincipalThatOpenedIt() {
        RecordedSession ada = RecordedSession.of("ada");
        SessionRegistry<RecordedSession> sessions = registryOf(Map.of("s1", ada));

        assertThat(sessions.find("s1", asPrincipal("ada"))).containsSame(ada);
        assertThat(sessions.find("s1", asPrincipal("bob")))
                .as("another principal's session")
                .isEmpty();
        assertThat(sessions.find("s1", McpTransportContext.EMPTY))
                .as("no principal at all")
                .isEmpty();
        assertThat(sessions.find("s2", asPrincipal("ada"))).as("an unknown id").isEmpty();
    }

    @Test
    void broadcastReachesEverySessionEvenWhenOneFails() {
        RecordedSession ada = RecordedSession.of("ada");
        RecordedSession gone = new RecordedSession("gone", true);
        RecordedSession bob = RecordedSession.of("bob");
        SessionRegistry<RecordedSession> sessions = registryOf(Map.of("s1", ada, "s2", gone, "s3", bob));

        sessions.broadcast("notifications/tools/list_changed", Map.of());

        assertThat(ada.notifications).containsExactly("notifications/tools/list_changed");
        assertThat(bob.notifications).containsExactly("notifications/tools/list_changed");
    }

    @Test
    void closeIdleClosesAndForgetsOnlyTheSessionsItPicks() {
        RecordedSession idle = RecordedSession.of("ada");
        RecordedSession busy = RecordedSession.of("ada");
        SessionRegistry<RecordedSession> sessions = registryOf(Map.of("idle", idle, "busy", busy));

        sessions.closeIdle(s -> s == idle);

        assertThat(sessions.find("idle", asPrincipal("ada"))).isEmpty();
        assertThat(sessions.find("busy", asPrincipal("ada"))).containsSame(busy);
        assertThat(idle.closed).isTrue();
        assertThat(busy.closed).isFalse();
        assertThat(sessions.isOpen())
                .as("ending idle sessions does not shut the transport")
                .isTrue();
    }
}
