package dev.td.mcp;

import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One HTTP response seen by the SDK as a transport: the SDK hands it messages from any thread,
 * the request's own (virtual) thread writes them in {@link #serve}, so only that thread ever
 * touches the Helidon response.
 *
 * <p>A reply channel ({@link #reply}) answers a POSTed request: as plain {@code application/json}
 * when the first thing the SDK sends is the response, or as an SSE stream when notifications or
 * server-to-client requests come first. A stream channel ({@link #stream}) is SSE from the start
 * (GET listening streams, the HTTP+SSE transport) and lives until closed or the client leaves.
 */
final class EventChannel implements McpStreamableServerTransport {

    private static final String MESSAGE_EVENT = "message";

    private sealed interface Item {}

    private record Outgoing(
            McpSchema.JSONRPCMessage message, @Nullable String eventId) implements Item {}

    private record Announcement(String name, String data) implements Item {}

    private enum End implements Item {
        INSTANCE
    }

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final McpJsonMapper json;
    private final HttpReplies replies;
    private final boolean mayAnswerWithJson;

    private EventChannel(McpJsonMapper json, boolean mayAnswerWithJson) {
        this.json = json;
        this.replies = new HttpReplies(json);
        this.mayAnswerWithJson = mayAnswerWithJson;
    }

    /** A channel answering one POSTed request, as JSON or as SSE. */
    static EventChannel reply(McpJsonMapper json) {
        return new EventChannel(json, true);
    }

    /** A channel that is an SSE stream from the start. */
    static EventChannel stream(McpJsonMapper json) {
        return new EventChannel(json, false);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, @Nullable String messageId) {
        return Mono.fromRunnable(() -> offer(new Outgoing(message, messageId)));
    }

    /** Queues a non-JSON-RPC SSE event, such as the HTTP+SSE transport's {@code endpoint} event. */
    void announce(String name, String data) {
        offer(new Announcement(name, data));
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            queue.add(End.INSTANCE);
        }
    }

    /**
     * Writes queued messages to {@code res} until the channel closes or the client goes away.
     * Blocks the calling thread (a Helidon virtual thread) for the life of the stream; sends an SSE
     * comment every {@code heartbeat} of silence so that dead connections are noticed.
     */
    void serve(ServerResponse res, Duration heartbeat) {
        SseSink sink = mayAnswerWithJson ? null : open(res);
        try {
            while (true) {
                Item item = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null) {
                    if (sink != null) {
                        sink.emit(SseEvent.builder().comment("keep-alive").build());
                    }
                    continue;
                }
                if (item == End.INSTANCE) {
                    return;
                }
                if (sink == null && answersWithJson(item)) {
                    close();
                    replies.json(res, 200, ((Outgoing) item).message());
                    return;
                }
                sink = sink == null ? open(res) : sink;
                sink.emit(event(item));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException e) {
            // the client went away; the finally block releases the channel
        } finally {
            close();
            if (sink != null) {
                closeQuietly(sink);
            }
        }
    }

    private void offer(Item item) {
        if (!closed.get()) {
            queue.add(item);
        }
    }

    private boolean answersWithJson(Item item) {
        return mayAnswerWithJson && item instanceof Outgoing out && out.message() instanceof McpSchema.JSONRPCResponse;
    }

    private SseEvent event(Item item) {
        return switch (item) {
            case Announcement a ->
                SseEvent.builder().name(a.name()).data(a.data()).build();
            case Outgoing out -> {
                SseEvent.Builder event = SseEvent.builder().name(MESSAGE_EVENT).data(replies.text(out.message()));
                if (out.eventId() != null) {
                    event.id(out.eventId());
                }
                yield event.build();
            }
            case End end -> throw new IllegalStateException("End of stream is not an event");
        };
    }

    private static SseSink open(ServerResponse res) {
        res.status(200);
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        return res.sink(SseSink.TYPE);
    }

    private static void closeQuietly(SseSink sink) {
        try {
            sink.close();
        } catch (UncheckedIOException | IllegalStateException e) {
            // already gone
        }
    }
}
