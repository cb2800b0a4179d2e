package io.edgegateway.filters.access;

/**
 * One condition of a route's access rule, as a user meets it or not: what an explanation
 * of "why did I get 403" shows, such as {@code groups: one of [finance]}, not met,
 * {@code user has [staff]}.
 *
 * @param condition the condition, as the client is told it when it fails
 * @param met whether the user meets it
 * @param found what the user has of what the condition looks at
 */
public record AccessCondition(String condition, boolean met, String found) {
}
