package dev.td.tools;

/**
 * Turns a call that names another person ({@code person} argument) into a call on that person's data, through
 * a grant they gave the caller's person.
 */
@FunctionalInterface
public interface Delegations {

    /**
     * The principal for {@code caller}'s key acting on the data of {@code person} (a handle or a person id):
     * {@code caller} itself when {@code person} is the caller's own person, else a delegated principal with what
     * both the grant and the key allow.
     *
     * @throws ToolException {@code forbidden} when no unrevoked, unexpired grant from that person to the caller's
     *     person exists (the same answer whether or not the person exists)
     */
    Principal actAs(Principal caller, String person);

    /** Where td has no grants: only the caller's own data. */
    Delegations SELF_ONLY = (caller, person) -> {
        throw new ToolException(
                ErrorCode.FORBIDDEN, "$.person", "this server has no grants: leave out person to use your own data");
    };
}
