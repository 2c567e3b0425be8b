package dev.td.server.projections;

/**
 * The identity every {@link Projection} carries — name, code version, state type — held once, so
 * a projection class states only its fold.
 */
public abstract class NamedProjection<S> implements Projection<S> {

    private final String name;
    private final int version;
    private final Class<S> stateType;

    protected NamedProjection(String name, int version, Class<S> stateType) {
        this.name = name;
        this.version = version;
        this.stateType = stateType;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int version() {
        return version;
    }

    @Override
    public final Class<S> stateType() {
        return stateType;
    }
}
