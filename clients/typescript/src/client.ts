// A typed td client as a framework would build it: TypeScript types generated from td's OpenAPI
// document by openapi-typescript (generated/td.ts) and the openapi-fetch client on top.
//
// tsc compiling this file is the first check (sets of {weight, reps, unit} without type/count must
// be accepted, wrong types refused). Running it against a real td is the second:
//   node dist/src/client.js <td base URL> <API key>
// calls every operation, and checks each answer against the document (documented status, body
// valid against its schema with no undocumented property). Exit code 1 on any failure.
// Expected values below are worked out by hand in the comments, not taken from td.
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/td.js";
import { type JsonObject, ResponseCheck } from "./response-check.js";

declare const process: { argv: string[]; exitCode?: number };

type Schemas = components["schemas"];

// ---- compile-time checks -------------------------------------------------------------------
// set_input's type and count have defaults on the server: a client may leave them out.
export const plainSet: Schemas["SetInput"] = { weight: 100, reps: 5, unit: "kg" };
// @ts-expect-error weight is a number, not a string
export const textWeight: Schemas["SetInput"] = { weight: "100", reps: 5, unit: "kg" };
// @ts-expect-error unit is kg or lb
export const stoneUnit: Schemas["SetInput"] = { weight: 100, reps: 5, unit: "st" };
// @ts-expect-error a workout needs its idempotency_key
export const keyless: Schemas["LogWorkoutRequest"] = { started_at: "2026-11-24T18:00:00+01:00", exercises: [] };
// Answers are typed through to the leaves: context, meta.statistical_quality, the trend's slope.
export function slopeOf(answer: Schemas["GetExerciseProgressionResponse"]): number | undefined {
  const slope: Schemas["TrendSlope"] | null = answer.data.trend.slope_per_week;
  const quality: Schemas["StatisticalQuality"] | null = answer.meta.statistical_quality;
  const trendNote: string | undefined = answer.context.strength_trend;
  return quality === null || trendNote === "" ? undefined : slope?.value;
}

// ---- run against a real td -----------------------------------------------------------------
const [baseUrl, apiKey] = process.argv.slice(2);
if (baseUrl === undefined || apiKey === undefined) {
  console.error("usage: node dist/src/client.js <td base URL> <API key>");
  process.exitCode = 2;
} else {
  await run(baseUrl, apiKey);
}

async function run(baseUrl: string, apiKey: string): Promise<void> {
  const doc = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as JsonObject;
  const check = new ResponseCheck(doc);
  const td = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` } });
  td.use({
    async onResponse({ request, response, schemaPath }) {
      check.check(request.method, schemaPath, response.status, response.headers.get("content-type") ?? "", await response.clone().json());
      return undefined;
    },
  });
  const expect = (what: string, ok: boolean, detail: unknown = "") => {
    if (!ok) check.failures.push(`${what} ${JSON.stringify(detail)}`);
  };

  // Seven weekly bench sessions, 3 sets of 5, +2.5 kg a week from 100 kg; sets as {weight, reps, unit} only.
  const weights = [100, 102.5, 105, 107.5, 110, 112.5, 115];
  let lastSession = "";
  for (const [week, weight] of weights.entries()) {
    const day = new Date(Date.UTC(2026, 8, 7 + 7 * week, 16)).toISOString(); // Mondays from 2026-09-07, 16:00Z
    const set: Schemas["SetInput"] = { weight, reps: 5, unit: "kg" };
    const { data: answer } = await td.POST("/v1/workouts", {
      body: { idempotency_key: `openapi-check-bench-${week}`, started_at: day, exercises: [{ exercise: "bench", sets: [set, set, set] }] },
    });
    // 3 sets of 5 at w: 3 sets logged, volume 15 w (1500 kg in week 0)
    expect("log_workout sets_logged", answer?.data.sets_logged === 3, answer?.data.sets_logged);
    expect("log_workout volume", answer?.data.session.volume.kg === 15 * weight, answer?.data.session.volume);
    expect("log_workout context.new_personal_records", Array.isArray(answer?.context.new_personal_records), answer?.context);
    lastSession = answer?.data.session.session_id ?? "";
  }
  const sets = await td.POST("/v1/workouts/sets", {
    body: { idempotency_key: "openapi-check-rows", session_id: lastSession, exercises: [{ exercise: "barbell row", sets: [{ weight: 60, reps: 10, unit: "kg" }] }] },
  });
  // the last session had 3 sets; one more makes 4
  expect("log_sets session.sets", sets.data?.data.session.sets === 4, sets.data?.data.session);

  const progression = await td.GET("/v1/progression", { params: { query: { exercise: "bench" } } });
  const trend = progression.data?.data.trend;
  // e1RM (Epley, no RPE) = w * (1 + 5/30) = 7w/6, rising 2.5 * 7/6 = 2.9167 kg a week on every pair of
  // sessions: the Theil-Sen slope is 2.92 and its interval [2.92, 2.92] excludes zero, so improving.
  expect("progression direction", trend?.direction === "improving", trend);
  expect("progression slope", trend?.slope_per_week?.value === 2.92, trend?.slope_per_week);
  expect("progression statistical_quality", progression.data?.meta.statistical_quality != null, progression.data?.meta);
  // best e1RM: 115 * 7/6 = 134.1667, shown to 0.01
  expect("progression best_e1rm", progression.data?.data.best_e1rm?.kg === 134.17, progression.data?.data.best_e1rm);

  const records = await td.GET("/v1/records", { params: { query: { exercise: "bench" } } });
  const fiveRm = records.data?.data.exercises[0]?.by_reps.find((r) => r.record === "5rm");
  expect("5rm is the last session's 115 kg", fiveRm?.weight.kg === 115, fiveRm);
  // detail full: each record also names its event and session (the summary leaves the ids out)
  const fullRecords = await td.GET("/v1/records", { params: { query: { exercise: "bench", detail: "full" } } });
  const fullFiveRm = fullRecords.data?.data.exercises[0]?.by_reps.find((r) => r.record === "5rm");
  expect("5rm (detail full) names the last session", fullFiveRm !== undefined && "session_id" in fullFiveRm && fullFiveRm.session_id === lastSession, fullFiveRm);

  await td.GET("/v1/sessions/{session_id}", { params: { path: { session_id: lastSession } } });
  await td.GET("/v1/sessions", { params: { query: { from: "2026-09-01" } } });
  await td.GET("/v1/volume", { params: { query: { from: "2026-09-01", to: "2026-10-31" } } });
  await td.GET("/v1/volume", { params: { query: { from: "2026-09-01", to: "2026-10-31", detail: "full" } } });

  // a workout logged by mistake, removed whole: session.started + 1 set.logged = 2 events voided
  // (no ended_at given, so no session.ended)
  const mistake = await td.POST("/v1/workouts", {
    body: { idempotency_key: "openapi-check-mistake", started_at: "2026-11-03T07:00:00Z", exercises: [{ exercise: "bench", sets: [{ weight: 40, reps: 5, unit: "kg" }] }] },
  });
  const voided = await td.POST("/v1/sessions/{session_id}/void", {
    params: { path: { session_id: mistake.data?.data.session.session_id ?? "missing" } },
    body: { reason: "logged by mistake", idempotency_key: "openapi-check-mistake-void" },
  });
  expect("void_session voided", voided.data?.data.voided === 2, voided.data?.data);

  const unresolved = await td.GET("/v1/exercises/resolve", { params: { query: { name: "qqqq zzzz" } } });
  expect("resolve_exercise context.hint", typeof unresolved.data?.context.hint === "string", unresolved.data?.context);
  const created = await td.POST("/v1/exercises", {
    body: { name: "Openapi Check Sled Push", idempotency_key: "openapi-check-sled", primary_muscles: ["quads"] },
  });
  const exerciseId = created.data?.data.exercise.exercise_id ?? "missing";
  await td.PATCH("/v1/exercises/{exercise_id}", {
    params: { path: { exercise_id: exerciseId } },
    body: { add_aliases: ["openapi prowler"], idempotency_key: "openapi-check-sled-alias" },
  });
  await td.POST("/v1/exercises/{exercise_id}/archive", {
    params: { path: { exercise_id: exerciseId } },
    body: { idempotency_key: "openapi-check-sled-archive" },
  });
  await td.GET("/v1/exercises", { params: { query: { region: "upper body" } } });

  const logged = await td.POST("/v1/events", {
    body: {
      events: [{ type: "custom.openapi_note", occurred_at: "2026-11-01T08:00:00+01:00", data: { text: "felt good" }, idempotency_key: "openapi-check-note" }],
    },
  });
  const noteId = logged.data?.data.events[0]?.event_id ?? "missing";
  await td.POST("/v1/events/{event_id}/corrections", {
    params: { path: { event_id: noteId } },
    body: { data: { text: "felt great" }, idempotency_key: "openapi-check-note-fix" },
  });
  await td.POST("/v1/events/{event_id}/void", {
    params: { path: { event_id: noteId } },
    body: { reason: "logged by the OpenAPI check", idempotency_key: "openapi-check-note-void" },
  });
  await td.GET("/v1/events", { params: { query: { view: "log", limit: 5 } } });
  const chain = await td.GET("/v1/chain");
  expect("verify_chain ok", chain.data?.data.ok === true, chain.data?.data);

  // A file import: a two-point GPX track sent inline, then its report by id.
  const gpx = '<?xml version="1.0"?><gpx version="1.1" creator="openapi-check" xmlns="http://www.topografix.com/GPX/1/1">'
    + '<trk><name>openapi check</name><trkseg>'
    + '<trkpt lat="52.5200" lon="13.4050"><ele>34</ele><time>2026-10-30T07:00:00Z</time></trkpt>'
    + '<trkpt lat="52.5210" lon="13.4060"><ele>35</ele><time>2026-10-30T07:01:00Z</time></trkpt>'
    + '</trkseg></trk></gpx>';
  const imported = await td.POST("/v1/imports", {
    body: { file_name: "openapi-check.gpx", content_base64: btoa(gpx) },
  });
  expect("import_file stores the track", imported.data?.data.by_type["activity.logged"] === 1, imported.error ?? imported.data?.data);
  const importId = imported.data?.data.import_id ?? "missing";
  const importReport = await td.GET("/v1/imports", { params: { query: { import_id: importId } } });
  expect("get_import finds it", importReport.data?.data.imports[0]?.status === "done", importReport.data?.data);
  const exported = await td.POST("/v1/exports", { body: {} });
  expect("export_data names its download", (exported.data?.data.download ?? "").startsWith("/v1/exports/"), exported.error ?? exported.data?.data);
  // The two routes that carry files: an upload (201 with its upload_id) imported by that id, and the export's zip.
  const uploadedGpx = gpx.replace(/2026-10-30/g, "2026-10-31");
  const uploading = await fetch(`${baseUrl}/v1/uploads?name=openapi-check-upload.gpx`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/octet-stream" },
    body: uploadedGpx,
  });
  const uploaded = (await uploading.json()) as Schemas["UploadFileResponse"];
  check.check("PUT", "/v1/uploads", uploading.status, uploading.headers.get("content-type") ?? "", uploaded);
  // the upload is the file's bytes: as many as the GPX text has characters (all ASCII)
  expect("upload_file keeps every byte", uploaded.data?.bytes === uploadedGpx.length, uploaded);
  const fromUpload = await td.POST("/v1/imports", { body: { upload_id: uploaded.data?.upload_id ?? "missing" } });
  expect("import_file imports the upload", fromUpload.data?.data.stored === 1, fromUpload.error ?? fromUpload.data?.data);
  const downloading = await fetch(`${baseUrl}${exported.data?.data.download ?? "/v1/exports/missing"}`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  const zip = new Uint8Array(await downloading.arrayBuffer());
  check.check("GET", "/v1/exports/{export_id}", downloading.status, downloading.headers.get("content-type") ?? "", zip);
  // a zip file begins with the local file header signature "PK\x03\x04"
  expect("download_export sends a zip", zip[0] === 0x50 && zip[1] === 0x4b && zip[2] === 3 && zip[3] === 4, Array.from(zip.slice(0, 4)));

  await td.PATCH("/v1/profile", { body: { idempotency_key: "openapi-check-profile", weight_unit: "kg", time_zone: "Europe/Berlin" } });
  await td.GET("/v1/profile");
  const described = await td.POST("/v1/stats/describe", { body: { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } });
  // mean of 1..10 = 55 / 10 = 5.5
  expect("stats_describe mean", described.data?.data.mean === 5.5, described.data?.data);
  expect("stats_describe context.notes", Array.isArray(described.data?.context.notes), described.data?.context);

  // Errors come back as typed problem+json.
  const invalid = await td.POST("/v1/workouts", {
    body: { idempotency_key: "openapi-check-bad", started_at: "2026-11-02T18:00:00+01:00", exercises: [{ exercise: "bench", sets: [{ weight: 100, reps: 5.5, unit: "kg" }] }] },
  });
  expect("5.5 reps is invalid_argument", invalid.error?.code === "invalid_argument" && invalid.response.status === 400, invalid.error);
  const missing = await td.GET("/v1/sessions/{session_id}", { params: { path: { session_id: "s-does-not-exist" } } });
  expect("an unknown session is not_found", missing.error?.code === "not_found", missing.error);
  const anonymous = await createClient<paths>({ baseUrl }).GET("/v1/profile");
  check.check("GET", "/v1/profile", anonymous.response.status, anonymous.response.headers.get("content-type") ?? "", anonymous.error);
  expect("no key is unauthenticated", anonymous.error?.code === "unauthenticated", anonymous.error);

  // A key for a bot (made, relabelled, rotated, the replacement revoked), and a grant to the second person
  // bin/openapi-check created ("openapi-coach"), revoked again.
  const made = await td.POST("/v1/keys", { body: { agent: "openapi-bot", scopes: ["training:read"], idempotency_key: "openapi-key" } });
  const keyId = made.data?.data.created.key_id ?? "";
  expect("create_key shows the key once", (made.data?.data.created.key ?? "").startsWith("td_"), made.data?.data);
  const relabelled = await td.PATCH("/v1/keys/{key_id}", { params: { path: { key_id: keyId } }, body: { agent: "openapi-bot-2" } });
  expect("update_key relabels", relabelled.data?.data.key.agent === "openapi-bot-2", relabelled.data?.data);
  const rotated = await td.POST("/v1/keys/{key_id}/rotate", { params: { path: { key_id: keyId } }, body: {} });
  const newKeyId = rotated.data?.data.created.key_id ?? "";
  const revoked = await td.DELETE("/v1/keys/{key_id}", { params: { path: { key_id: newKeyId } }, body: {} });
  expect("revoke_key revokes", revoked.data?.data.changed === true, revoked.data?.data);
  const granted = await td.POST("/v1/grants", { body: { grantee: "openapi-coach", role: "coach" } });
  const grantId = granted.data?.data.grant.grant_id ?? "";
  expect("grant_access grants", granted.data?.data.grant.active === true, granted.error ?? granted.data?.data);
  const ungranted = await td.DELETE("/v1/grants/{grant_id}", { params: { path: { grant_id: grantId } }, body: {} });
  expect("revoke_grant revokes", ungranted.data?.data.grant.active === false, ungranted.data?.data);

  await sweep(doc, check, baseUrl, apiKey);
  report(check);
}

/** Calls every operation not answered 200 yet with the first example the document gives for it. */
async function sweep(doc: JsonObject, check: ResponseCheck, baseUrl: string, apiKey: string): Promise<void> {
  const answered = new Set(check.checked.filter((c) => succeeded(c.status)).map((c) => c.operation));
  type Op = { operationId: string; parameters: { name: string; in: string; example?: unknown }[]; requestBody?: { content: Record<string, { examples: Record<string, { value: unknown }> }> } };
  for (const [path, item] of Object.entries(doc["paths"] as unknown as Record<string, Record<string, Op>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (answered.has(op.operationId)) continue;
      let url = path;
      const query = new URLSearchParams();
      for (const p of op.parameters) {
        if (p.example === undefined) continue;
        if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
        else for (const v of [p.example].flat()) query.append(p.name, String(v));
      }
      const body = Object.values(op.requestBody?.content["application/json"]?.examples ?? {})[0]?.value;
      const response = await fetch(`${baseUrl}${url}${query.size > 0 ? "?" + query : ""}`, {
        method: method.toUpperCase(),
        headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      check.check(method, path, response.status, response.headers.get("content-type") ?? "", await response.json());
    }
  }
}

/** 200, or 201 for an upload. */
function succeeded(status: number): boolean {
  return status === 200 || status === 201;
}

function report(check: ResponseCheck): void {
  const ok = new Set(check.checked.filter((c) => succeeded(c.status)).map((c) => c.operation));
  const missing = [...check.operations().values()].filter((op) => !ok.has(op));
  for (const op of missing) {
    check.failures.push(`${op}: no call succeeded (200, 201); add one to clients/typescript/src/client.ts`);
  }
  const statuses = [...new Set(check.checked.map((c) => c.status))].sort().join(", ");
  console.log(`typed client: ${check.checked.length} answers checked against the document (statuses ${statuses}); ${ok.size} of ${check.operations().size} operations succeeded`);
  if (check.failures.length > 0) {
    console.error(`typed client: ${check.failures.length} failure(s):\n  ${check.failures.join("\n  ")}`);
    process.exitCode = 1;
  }
}
