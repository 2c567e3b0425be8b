"""The Python client openapi-generator makes from td's OpenAPI document, against a real td.

    python3 clients/python/check_client.py <generated client dir> <td base URL> <API key>

bin/openapi-check --generators runs it when pydantic 2 is importable. The generated models parse
every answer strictly (pydantic), so an answer that does not match the document fails here.
Expected values are worked out by hand in the comments.
"""

import sys

sys.path.insert(0, sys.argv[1])

import td_client  # noqa: E402  (generated; on the path only now)
from td_client.models import ExerciseInput, LogWorkoutRequest, SetInput, StatsDescribeRequest  # noqa: E402

BASE_URL, API_KEY = sys.argv[2], sys.argv[3]
failures = []


def expect(what, ok, detail=""):
    if not ok:
        failures.append(f"{what}: {detail}")


config = td_client.Configuration(host=BASE_URL, access_token=API_KEY)
with td_client.ApiClient(config) as client:
    training = td_client.TrainingApi(client)
    # Sets as {weight, reps, unit}: type and count are left to the server's defaults.
    squat = ExerciseInput(exercise="squat", sets=[SetInput(weight=80, reps=8, unit="kg")] * 3)
    logged = training.log_workout(
        LogWorkoutRequest(idempotency_key="python-check-1", started_at="2026-11-02T18:00:00+01:00", exercises=[squat])
    )
    # 3 sets of 8 at 80 kg: 3 sets stored, volume 3 * 8 * 80 = 1920 kg
    expect("log_workout sets_logged", logged.data.sets_logged == 3, logged.data.sets_logged)
    expect("log_workout volume", logged.data.session.volume.kg == 1920, logged.data.session.volume)
    session = training.get_session(logged.data.session.session_id)
    expect("get_session sets", len(session.data.sets) == 3, session.data.sets)
    progression = training.get_exercise_progression("squat")
    # one squat session: too little for a trend
    expect("trend direction", progression.data.trend.direction == "insufficient_data", progression.data.trend)
    training.list_sessions()
    training.get_volume()
    training.get_personal_records()
    described = td_client.StatsApi(client).stats_describe(StatsDescribeRequest(values=[2.0, 4.0, 6.0, 8.0]))
    # mean of 2, 4, 6, 8 = 20 / 4 = 5
    expect("stats_describe mean", described.data.mean == 5, described.data.mean)
    expect("statistical_quality", described.meta.statistical_quality is not None, described.meta)
    td_client.EventsApi(client).verify_chain()
    td_client.CatalogApi(client).resolve_exercise("Bankdrücken")
    try:
        training.get_session("s-does-not-exist")
        failures.append("get_session of an unknown session answered 200")
    except td_client.ApiException as e:
        problem = td_client.Problem.from_json(e.body)
        expect("unknown session", e.status == 404 and problem.code == "not_found", e.body)

if failures:
    print("python client: " + str(len(failures)) + " failure(s):\n  " + "\n  ".join(failures))
    sys.exit(1)
print("python client: 9 operations called (and a 404), every answer parsed by the generated models")
