package dev.td.server.wiring;

import dev.td.tools.CallScope;
import dev.td.tools.Principal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The principal of the tool call running on this thread, for {@link ScopedDataSource}. Inheritable, so that the
 * virtual threads a call starts for parallel reads work as the same principal.
 */
public final class PrincipalScope implements CallScope {

    private static final InheritableThreadLocal<@Nullable Principal> CURRENT = new InheritableThreadLocal<>();

    @Override
    public Binding bind(Principal principal) {
        Principal before = CURRENT.get();
        CURRENT.set(principal);
        return () -> CURRENT.set(before);
    }

    /** The principal bound to this thread; empty outside a tool call (start-up, operator commands, tests). */
    static Optional<Principal> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
