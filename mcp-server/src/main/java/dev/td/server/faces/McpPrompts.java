package dev.td.server.faces;

import dev.td.tools.Principal;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * MCP prompts for the coaching conversations agents have most (a weekly review, "how is my X
 * going?"), and completion of exercise names for their arguments. The prompts only say which tools
 * to call and what to look at; the numbers always come from the tools.
 */
final class McpPrompts {

    static final String WEEKLY_REVIEW = "weekly_review";
    static final String EXERCISE_PROGRESS = "exercise_progress";
    private static final int MAX_COMPLETIONS = 20;
    /** Longest typed value a completion looks up (the longest exercise name in the catalog is under 80). */
    private static final int MAX_TYPED = 100;

    private final Function<McpSyncServerExchange, Principal> principalOf;
    private final BiFunction<UUID, String, List<String>> exerciseNames;

    /**
     * @param exerciseNames exercise names of a person's catalog matching a typed prefix
     */
    McpPrompts(
            Function<McpSyncServerExchange, Principal> principalOf,
            BiFunction<UUID, String, List<String>> exerciseNames) {
        this.principalOf = principalOf;
        this.exerciseNames = exerciseNames;
    }

    List<McpServerFeatures.SyncPromptSpecification> prompts() {
        return List.of(
                new McpServerFeatures.SyncPromptSpecification(
                        McpSchema.Prompt.builder(WEEKLY_REVIEW)
                                .title("Weekly training review")
                                .description(
                                        "Review a week of training from td's record: sessions, volume per muscle group, new records, and what to adjust")
                                .arguments(List.of(new McpSchema.PromptArgument(
                                        "week",
                                        "Week",
                                        "An ISO week (2026-W48) or a start date (2026-11-23); default: the last 7 days",
                                        false)))
                                .build(),
                        (exchange, request) -> weeklyReview(
                                String.valueOf(request.arguments().getOrDefault("week", "the last 7 days")))),
                new McpServerFeatures.SyncPromptSpecification(
                        McpSchema.Prompt.builder(EXERCISE_PROGRESS)
                                .title("How is an exercise going?")
                                .description(
                                        "Judge the progress of one exercise from its e1RM trend, records and volume")
                                .arguments(List.of(new McpSchema.PromptArgument(
                                        "exercise", "Exercise", "The exercise, as the person names it", true)))
                                .build(),
                        (exchange, request) -> exerciseProgress(
                                String.valueOf(request.arguments().get("exercise")))));
    }

    List<McpServerFeatures.SyncCompletionSpecification> completions() {
        return List.of(new McpServerFeatures.SyncCompletionSpecification(
                new McpSchema.PromptReference(EXERCISE_PROGRESS), (exchange, request) -> {
                    if (!"exercise".equals(request.argument().name())) {
                        return new McpSchema.CompleteResult(
                                new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false));
                    }
                    if (request.argument().value().length() > MAX_TYPED) {
                        // nobody types an exercise name this long; matching it would only hold a connection
                        return new McpSchema.CompleteResult(
                                new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false));
                    }
                    List<String> names = exerciseNames.apply(
                            principalOf.apply(exchange).userId(),
                            request.argument().value());
                    List<String> shown = names.stream().limit(MAX_COMPLETIONS).toList();
                    return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(
                            shown, names.size(), names.size() > shown.size()));
                }));
    }

    private static McpSchema.GetPromptResult weeklyReview(String week) {
        return prompt("Weekly review of " + week, """
                Review my training for %s using td.
                1. Call list_sessions for that week, then get_volume for it (hard sets per muscle group), and get_personal_records.
                2. Read every answer's context: new records, stalled or declining trends, anomalies, injuries.
                3. Tell me in a few sentences what I did, what went well, what looks off, and one concrete change for next week.
                Quote numbers exactly as td gives them, with their units; say how sure a trend is (meta.statistical_quality).
                """.formatted(week));
    }

    private static McpSchema.GetPromptResult exerciseProgress(String exercise) {
        return prompt("Progress of " + exercise, """
                How is my %s going? Use td:
                1. Call get_exercise_progression with exercise "%s" (the last 52 weeks by default) and get_personal_records for it.
                2. Say whether the e1RM trend is improving, stalled or declining, with its slope per week and interval,
                   and how many sessions it rests on (meta.statistical_quality). Do not call a trend that td calls stalled an improvement.
                3. Mention recent records and hard sets per week, then suggest one next step.
                """.formatted(exercise, exercise));
    }

    private static McpSchema.GetPromptResult prompt(String description, String text) {
        return new McpSchema.GetPromptResult(
                description,
                List.of(new McpSchema.PromptMessage(
                        McpSchema.Role.USER, McpSchema.TextContent.builder(text).build())),
                Map.of());
    }
}
