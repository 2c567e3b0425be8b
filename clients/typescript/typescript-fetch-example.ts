// The typescript-fetch client that openapi-generator makes from td's OpenAPI document, used as an
// application would. bin/openapi-check --generators copies this file next to the generated code,
// compiles both with tsc --strict and runs it against a real td:
//   node example.js <td base URL> <API key>
// Expected values are worked out by hand in the comments.
import { Configuration, ResponseError, StatsApi, TrainingApi, type SetInput } from "./index";

declare const process: { argv: string[]; exitCode?: number };

async function main(basePath: string, accessToken: string): Promise<string[]> {
  const config = new Configuration({ basePath, accessToken });
  const training = new TrainingApi(config);
  const failures: string[] = [];
  // type and count are left to the server's defaults
  const set: SetInput = { weight: 60, reps: 10, unit: "kg" };
  const answer = await training.logWorkout({
    logWorkoutRequest: {
      idempotencyKey: "typescript-fetch-check",
      startedAt: "2026-11-03T07:00:00+01:00",
      exercises: [{ exercise: "deadlift", sets: [set, set] }],
    },
  });
  // 2 sets of 10 at 60 kg: 2 stored, volume 2 * 10 * 60 = 1200 kg
  if (answer.data.setsLogged !== 2 || answer.data.session.volume.kg !== 1200) failures.push(`log_workout: ${JSON.stringify(answer.data)}`);
  const progression = await training.getExerciseProgression({ exercise: "deadlift" });
  // one deadlift session: too little for a trend, and no slope
  if (progression.data.trend.direction !== "insufficient_data" || progression.data.trend.slopePerWeek !== null) {
    failures.push(`progression: ${JSON.stringify(progression.data.trend)}`);
  }
  const described = await new StatsApi(config).statsDescribe({ statsDescribeRequest: { values: [1, 2, 3, 4, 5, 6] } });
  // mean of 1..6 = 21 / 6 = 3.5
  if (described.data.mean !== 3.5 || described.meta.statisticalQuality === null) failures.push(`stats_describe: ${JSON.stringify(described)}`);
  try {
    await training.getSession({ sessionId: "s-does-not-exist" });
    failures.push("get_session of an unknown session answered 200");
  } catch (e) {
    const status = e instanceof ResponseError ? e.response.status : String(e);
    if (status !== 404) failures.push(`unknown session: ${status}`);
  }
  return failures;
}

const [basePath, accessToken] = process.argv.slice(2);
main(basePath ?? "http://localhost:7878", accessToken ?? "").then(
  (failures) => {
    if (failures.length > 0) {
      console.error(`typescript-fetch client: ${failures.length} failure(s):\n  ${failures.join("\n  ")}`);
      process.exitCode = 1;
    } else {
      console.log("typescript-fetch client: 4 operations called, answers mapped by the generated models");
    }
  },
  (e: unknown) => {
    console.error(`typescript-fetch client: ${String(e)}`);
    process.exitCode = 1;
  },
);
