package dev.td.server.faces;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's JSON mapper, with one difference: when the SDK turns a request's {@code params} into
 * its typed request ({@code tools/call} → {@code CallToolRequest}, …) and they are missing or of
 * the wrong shape, the client hears {@code -32602 Invalid params} with what was wrong, instead of
 * the SDK's {@code -32603 Internal error}. A client's mistake is never reported as a server fault.
 */
final class RequestParams implements McpJsonMapper {

    private final McpJsonMapper delegate;

    RequestParams(McpJsonMapper delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T convertValue(@Nullable Object from, Class<T> type) {
        return checked(from, type, () -> delegate.convertValue(from, type));
    }

    @Override
    public <T> T convertValue(@Nullable Object from, TypeRef<T> type) {
        return checked(from, type.getType(), () -> delegate.convertValue(from, type));
    }

    private static <T> T checked(@Nullable Object from, Type type, java.util.function.Supplier<T> convert) {
        if (!isRequest(type)) {
            return convert.get();
        }
        String name = type.getTypeName().substring(type.getTypeName().lastIndexOf('$') + 1);
        if (from == null) {
            throw invalid("params are missing; this method needs a params object (" + name + ")");
        }
        if (!(from instanceof java.util.Map<?, ?>)) {
            throw invalid("params must be a JSON object (" + name + "), not " + kind(from));
        }
        try {
            return convert.get();
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int cut = reason.indexOf(" at [Source");
            reason = (cut > 0 ? reason.substring(0, cut) : reason)
                    .lines()
                    .findFirst()
                    .orElse(reason);
            throw invalid("params do not match " + name + ": " + reason
                    + (name.equals("CallToolRequest")
                            ? "; send {\"name\": \"<tool>\", \"arguments\": {…}} with arguments a JSON object"
                            : ""));
        }
    }

    private static boolean isRequest(Type type) {
        String typeName = type.getTypeName();
        return typeName.startsWith(McpSchema.class.getName() + "$") && typeName.endsWith("Request");
    }

    private static String kind(Object value) {
        if (value instanceof java.util.List<?>) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return value.getClass().getSimpleName();
    }

    private static McpError invalid(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                .message(message)
                .build();
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return delegate.writeValueAsString(value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return delegate.writeValueAsBytes(value);
    }
}
