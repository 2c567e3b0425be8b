"""NumPy/SciPy reference for bin/bench statistics-50k: the computations of stats_describe and
stats_correlate on the bench's own request bodies, timed two ways per row:

  full     json.loads(body) + numpy.asarray + the computation + json.dumps(answer): what td does
           between the bytes of a request and the bytes of its answer, without HTTP
  compute  the computation alone, on float64 arrays made beforehand

Usage: python3 statistics_reference.py, then one JSON line per row on stdin ({name, kind, body, runs,
warmup, method, lag, max_lag}, body a file path); answers each with one JSON line: name, full_ms,
compute_ms (every timed run, milliseconds) and answer (what the computation gave, for checking td
against it). Row by row, so the bench can time td and the reference on a row close together in time.
"""
import json
import sys
import time

import numpy as np
from scipy import stats

LEVEL = 0.95
BARTLETT_LAGS = 50  # td's cap on the lags of Bartlett's effective n (EffectiveSampleSize.MAX_LAGS)


def autocorrelation(c, ss, k):
    """NIST lag-k autocorrelation of a centred series c with sum of squares ss."""
    return float(np.dot(c[k:], c[:-k]) / ss)


def effective_n(x, y):
    """As td's time-series mode: Bartlett's n_eff over up to 50 lags, applied by estimate (no pre-test)."""
    n = x.size
    cx = x - x.mean()
    cy = y - y.mean()
    sx = float(np.dot(cx, cx))
    sy = float(np.dot(cy, cy))
    total = sum(autocorrelation(cx, sx, k) * autocorrelation(cy, sy, k)
                for k in range(1, min(BARTLETT_LAGS, n // 5) + 1))
    return float(max(min(3, n), min(n, n / (1 + 2 * total))))


def mean_factor(phi, n):
    """Var(mean) under AR(1) over Var(mean) under independence: 1 + 2 sum_{k<n} (1 - k/n) phi^k (Wilks 2011 5.2.4)."""
    if phi == 0:
        return 1.0
    k = np.arange(1, min(n, 2000))
    return float(1 + 2 * np.sum((1 - k / n) * phi ** k))


def describe(a):
    """numpy mean/std/median/percentile, scipy.stats.describe, lag-1 autocorrelation, t interval of the mean."""
    n = a.size
    summary = stats.describe(a)
    mean = float(np.mean(a))
    sd = float(np.std(a, ddof=1))
    median = float(np.median(a))
    q1, q3 = np.percentile(a, [25, 75])
    mad = float(np.median(np.abs(a - median)))
    c = a - mean
    r1 = autocorrelation(c, float(np.dot(c, c)), 1)
    # td's rule: AR(1) phi from r1 with Kendall's (1954) bias correction, clamped to [0, 0.95]; Var(mean) widened by
    # the finite-n AR(1) factor f, s^2 de-biased by (n - 1)/(n - f), df = n_eff - 1
    phi = min(0.95, max(0.0, r1 + (1 + 4 * r1) / n))
    factor = mean_factor(phi, n)
    n_eff = n / factor
    se = sd * np.sqrt((n - 1) / max(n - factor, 1.0) * factor / n)
    half = stats.t.ppf(1 - (1 - LEVEL) / 2, max(1.0, n_eff - 1)) * se
    return {"n": n, "mean": mean, "standard_deviation": sd, "median": median, "mad": mad,
            "robust_standard_deviation": 1.4826 * mad, "min": float(summary.minmax[0]), "q1": float(q1),
            "q3": float(q3), "max": float(summary.minmax[1]), "lag1_autocorrelation": r1, "effective_n": n_eff,
            "mean_ci": {"lower": mean - half, "upper": mean + half, "level": LEVEL},
            "skewness": float(summary.skewness), "kurtosis": float(summary.kurtosis)}


def correlation_at(x, y, lag, method):
    """scipy.stats.pearsonr/spearmanr/kendalltau at one lag; Pearson and Spearman then take td's time-series
    inference: Bartlett's effective n, the t test and Fisher-z interval with it."""
    n = x.size
    xs, ys = (x[:n - lag], y[lag:]) if lag >= 0 else (x[-lag:], y[:n + lag])
    if method == "kendall":
        result = stats.kendalltau(xs, ys)
        return {"method": "kendall", "coefficient": float(result.statistic), "p_value": float(result.pvalue),
                "n": int(xs.size), "effective_n": float(xs.size), "lag": lag}
    result = stats.spearmanr(xs, ys) if method == "spearman" else stats.pearsonr(xs, ys)
    r = float(result.statistic)
    n_eff = effective_n(xs, ys)
    df = n_eff - 2
    t = r * np.sqrt(df / (1 - r * r))
    p = float(2 * stats.t.sf(abs(t), df))
    se = np.sqrt((1.06 if method == "spearman" else 1.0) / (n_eff - 3))
    z = stats.norm.ppf(1 - (1 - LEVEL) / 2) * se
    return {"method": method, "coefficient": r, "ci": {"lower": float(np.tanh(np.arctanh(r) - z)),
            "upper": float(np.tanh(np.arctanh(r) + z)), "level": LEVEL}, "statistic": float(t), "df": df,
            "p_value": p, "n": int(xs.size), "effective_n": n_eff, "lag": lag}


def correlate(x, y, row):
    lags = range(0, row["max_lag"] + 1) if row.get("max_lag") else [row.get("lag", 0)]
    results = [correlation_at(x, y, k, row["method"]) for k in lags]
    answer = {"correlation": max(results, key=lambda c: abs(c["coefficient"]))}
    if row.get("max_lag"):
        answer["by_lag"] = results
    return answer


def arrays(arguments, kind):
    if kind == "describe":
        return (np.asarray(arguments["values"], dtype=np.float64),)
    return np.asarray(arguments["x"], dtype=np.float64), np.asarray(arguments["y"], dtype=np.float64)


def compute(row, data):
    return describe(*data) if row["kind"] == "describe" else correlate(*data, row)


def timed(work, warmup, runs):
    for _ in range(warmup):
        work()
    ms = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        ms.append((time.perf_counter() - start) * 1000)
    return ms


def main():
    for line in iter(sys.stdin.readline, ""):
        row = json.loads(line)
        with open(row["body"], "rb") as f:
            body = f.read()
        data = arrays(json.loads(body), row["kind"])

        def full():
            return json.dumps(compute(row, arrays(json.loads(body), row["kind"])))

        full_ms = timed(full, row["warmup"], row["runs"])
        compute_ms = timed(lambda: compute(row, data), row["warmup"], row["runs"])
        print(json.dumps({"name": row["name"], "full_ms": full_ms, "compute_ms": compute_ms,
                          "answer": compute(row, data)}), flush=True)


if __name__ == "__main__":
    main()
