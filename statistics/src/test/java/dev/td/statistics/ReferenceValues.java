package dev.td.statistics;

import dev.td.statistics.comparison.PairedTTest;
import dev.td.statistics.comparison.WelchTest;
import dev.td.statistics.correlation.Correlation;
import dev.td.statistics.correlation.KendallCorrelation;
import dev.td.statistics.correlation.PearsonCorrelation;
import dev.td.statistics.correlation.SpearmanCorrelation;
import dev.td.statistics.descriptive.Descriptive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The cases of {@code src/test/resources/stats/reference_values.json}, the only place their inputs and
 * expected values are written, turned into one {@link Check} per expected number. Each key of a case's
 * expected values is mapped to the td computation it is compared with; a key with no mapping, a case
 * with no checks and a case in neither list make {@link ReferenceValuesCoverageTest} fail.
 */
public final class ReferenceValues {
    static final String RESOURCE = "/stats/reference_values.json";

    /** Cases td cannot compute, with the reason; every other case must yield checks. */
    static final Map<String, String> NOT_COVERED = Map.of(
            "commons-math_longley_correlation_matrices_vs_R",
            "holds no values: its expected_file (R cor() and cor.test p-value matrices for Longley, from"
                    + " apache/commons-math) was never copied into the repository or /work/shared/reference,"
                    + " and td has no correlation-matrix function to compare with");

    /** Expected values of covered cases that are deliberately not compared, keyed "case id/key". */
    static final Map<String, String> NOT_CHECKED = Map.of(
            "R_cor.test_tuna_kendall_greater/z_normal_approx",
            "td, like R, uses the exact p for n < 50 without ties and does not report the normal approximation",
            "R_cor.test_tuna_kendall_greater/p_normal_approx",
            "td, like R, uses the exact p for n < 50 without ties and does not report the normal approximation");

    private static final Pattern CI_BOUND = Pattern.compile("ci(\\d\\d)_(low|high)");
    private static final Pattern CI_PAIR = Pattern.compile("ci(\\d\\d)(_two_sided)?");

    public enum Family {
        CORRELATION,
        COMPARISON
    }

    enum Procedure {
        PEARSON(Family.CORRELATION),
        SPEARMAN(Family.CORRELATION),
        KENDALL(Family.CORRELATION),
        WELCH(Family.COMPARISON),
        STUDENT(Family.COMPARISON),
        PAIRED(Family.COMPARISON),
        ONE_SAMPLE_X_MU0(Family.COMPARISON);

        final Family family;

        Procedure(Family family) {
            this.family = family;
        }
    }

    /** What td reports, whichever procedure ran. */
    record Outcome(double coefficient, double statistic, OptionalDouble df, double p, Interval ci, double effect) {}

    /**
     * One expected number and the td value it is compared with. Tolerance (the rule in the JSON's
     * {@code _note}): an integer-valued expectation (a count, df, the bound 1 of a one-sided interval) is
     * exact; otherwise half a unit in the last printed digit, but no tighter than the case's
     * {@code digits} significant digits.
     */
    public record Check(
            String caseId,
            String source,
            String quantity,
            BigDecimal expected,
            int digits,
            Family family,
            DoubleSupplier actual) {

        public double tolerance() {
            if (expected.signum() == 0 || expected.stripTrailingZeros().scale() <= 0) {
                return 0;
            }
            double printed = 0.5 * Math.pow(10, -expected.scale());
            int exponent = expected.precision() - expected.scale() - 1;
            double significant = 0.5 * Math.pow(10, exponent - digits + 1);
            return Math.max(printed, significant);
        }

        @Override
        public String toString() {
            return caseId + ": " + quantity + " = " + expected.toPlainString() + " ± " + tolerance();
        }
    }

    /** All checks, and the keys that map to nothing. */
    record Catalogue(List<String> caseIds, List<Check> checks, List<String> unmapped, List<String> keys) {}

    private static final Catalogue CATALOGUE = load();

    private ReferenceValues() {}

    static Catalogue catalogue() {
        return CATALOGUE;
    }

    public static Stream<Check> checks(Family family) {
        return CATALOGUE.checks().stream().filter(c -> c.family() == family);
    }

    /** The inputs of one case, for tests that assert more than its numbers. */
    public static double[] input(String caseId, String name) {
        return doubles(member(caseObject(caseId), name, caseId));
    }

    private static Map<String, Object> caseObject(String caseId) {
        for (Object c : list(member(root(), "cases", RESOURCE), RESOURCE)) {
            Map<String, Object> object = object(c, RESOURCE);
            if (caseId.equals(member(object, "id", RESOURCE))) {
                return object;
            }
        }
        throw new IllegalArgumentException("no case " + caseId + " in " + RESOURCE);
    }

    private static Map<String, Object> root() {
        try (InputStream in = Objects.requireNonNull(
                ReferenceValues.class.getResourceAsStream(RESOURCE), RESOURCE + " is on the test classpath")) {
            return object(ReferenceJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Catalogue load() {
        List<String> ids = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Object c : list(member(root(), "cases", RESOURCE), RESOURCE)) {
            Map<String, Object> json = object(c, RESOURCE);
            String id = (String) member(json, "id", RESOURCE);
            ids.add(id);
            if (NOT_COVERED.containsKey(id)) {
                continue;
            }
            String source = (String) member(json, "source", id);
            int digits = ((BigDecimal) member(json, "digits", id)).intValueExact();
            Procedure procedure = procedure((String) member(json, "test", id));
            Alternative alternative = alternative(json.getOrDefault("alternative", "two-sided"));
            if (json.containsKey("cases")) {
                List<Object> sub = list(member(json, "cases", id), id);
                for (int i = 0; i < sub.size(); i++) {
                    Map<String, Object> one = object(sub.get(i), id);
                    Case k = new Case(id + "[" + i + "]", id, source, digits, input(one, "x", id), input(one, "y", id));
                    for (Map.Entry<String, Object> e : one.entrySet()) {
                        if (!List.of("x", "y", "note").contains(e.getKey())) {
                            add(k, procedure, alternative, e.getKey(), e.getValue(), checks, unmapped, keys);
                        }
                    }
                }
                continue;
            }
            Case k = new Case(id, id, source, digits, input(json, "x", id), input(json, "y", id));
            for (Map.Entry<String, Object> e :
                    object(member(json, "expected", id), id).entrySet()) {
                add(k, procedure, alternative, e.getKey(), e.getValue(), checks, unmapped, keys);
            }
            for (Map.Entry<String, Object> e : json.entrySet()) {
                if (e.getKey().startsWith("also_")) {
                    add(k, procedure, alternative, e.getKey(), e.getValue(), checks, unmapped, keys);
                }
            }
        }
        return new Catalogue(List.copyOf(ids), List.copyOf(checks), List.copyOf(unmapped), List.copyOf(keys));
    }

    /** One set of inputs with the case it comes from; a class because a record should not hold arrays. */
    private static final class Case {
        private final String label;
        private final String id;
        private final String source;
        private final int digits;
        private final double[] x;
        private final double[] y;

        Case(String label, String id, String source, int digits, double[] x, double[] y) {
            this.label = label;
            this.id = id;
            this.source = source;
            this.digits = digits;
            this.x = x.clone();
            this.y = y.clone();
        }

        String label() {
            return label;
        }

        String id() {
            return id;
        }

        String source() {
            return source;
        }

        int digits() {
            return digits;
        }

        double[] x() {
            return x.clone();
        }

        double[] y() {
            return y.clone();
        }
    }

    private static void add(
            Case k,
            Procedure procedure,
            Alternative alternative,
            String key,
            Object value,
            List<Check> checks,
            List<String> unmapped,
            List<String> keys) {
        keys.add(k.id() + "/" + key);
        if (NOT_CHECKED.containsKey(k.id() + "/" + key)) {
            return;
        }
        if (value instanceof Map<?, ?> nested) {
            Procedure variant = switch (key) {
                case "also_student_equal_var", "student_equal_var" -> Procedure.STUDENT;
                case "also_paired" -> Procedure.PAIRED;
                case "also_one_sample_x_mu0" -> Procedure.ONE_SAMPLE_X_MU0;
                default -> null;
            };
            if (variant == null) {
                unmapped.add(k.label() + "/" + key);
                return;
            }
            Case inner = new Case(k.label() + "/" + key, k.id(), k.source(), k.digits(), k.x(), k.y());
            for (Map.Entry<?, ?> e : nested.entrySet()) {
                add(inner, variant, alternative, (String) e.getKey(), e.getValue(), checks, unmapped, keys);
            }
            return;
        }
        Procedure p = procedure;
        String name = key;
        for (Procedure prefixed : List.of(Procedure.PEARSON, Procedure.SPEARMAN, Procedure.KENDALL)) {
            String prefix = prefixed.name().toLowerCase(java.util.Locale.ROOT) + "_";
            if (key.startsWith(prefix)) {
                p = prefixed;
                name = key.substring(prefix.length());
            }
        }
        List<Check> found = p == null ? List.of() : checks(k, p, alternative, key, name, value);
        if (found.isEmpty()) {
            unmapped.add(k.label() + "/" + key);
        }
        checks.addAll(found);
    }

    /** The td computation for one key, or none when the key means nothing td reports. */
    private static List<Check> checks(
            Case k, Procedure p, Alternative alternative, String key, String name, Object value) {
        Matcher bound = CI_BOUND.matcher(name);
        Matcher pair = CI_PAIR.matcher(name);
        if (bound.matches() || (pair.matches() && value instanceof List<?>)) {
            boolean single = bound.matches();
            double level = Integer.parseInt(single ? bound.group(1) : pair.group(1)) / 100.0;
            Alternative a = !single && pair.group(2) != null ? Alternative.TWO_SIDED : alternative;
            String label =
                    p.name().toLowerCase(java.util.Locale.ROOT) + " " + (int) (level * 100) + " % interval (" + a + ")";
            if (single) {
                boolean low = bound.group(2).equals("low");
                return List.of(check(k, p, key + ": " + label + (low ? " lower" : " upper"), number(value, k), () -> {
                    Interval ci = run(p, k, a, level).ci();
                    return low ? ci.lower() : ci.upper();
                }));
            }
            List<Object> bounds = list(value, k.id());
            return List.of(
                    check(
                            k,
                            p,
                            key + ": " + label + " lower",
                            number(bounds.get(0), k),
                            () -> run(p, k, a, level).ci().lower()),
                    check(
                            k,
                            p,
                            key + ": " + label + " upper",
                            number(bounds.get(1), k),
                            () -> run(p, k, a, level).ci().upper()));
        }
        if (!(value instanceof BigDecimal expected)) {
            return List.of();
        }
        String what = p.name().toLowerCase(java.util.Locale.ROOT) + " ";
        DoubleSupplier actual = switch (name) {
            case "r", "rho", "tau" -> () -> run(p, k, alternative, 0.95).coefficient();
            case "t", "S", "T" -> () -> run(p, k, alternative, 0.95).statistic();
            case "df" -> () -> run(p, k, alternative, 0.95).df().orElseThrow();
            case "p", "p_exact", "p_newer_R_print" ->
                () -> run(p, k, alternative, 0.95).p();
            case "p_two_sided", "p_two_sided_t_approx" ->
                () -> run(p, k, Alternative.TWO_SIDED, 0.95).p();
            case "p_greater" -> () -> run(p, k, Alternative.GREATER, 0.95).p();
            case "p_less" -> () -> run(p, k, Alternative.LESS, 0.95).p();
            case "mean_x" -> () -> Descriptive.withDefaults().describe(k.x()).mean();
            case "mean_y" -> () -> Descriptive.withDefaults().describe(k.y()).mean();
            case "hedges_g" -> () -> run(p, k, alternative, 0.95).effect();
            // td reports Hedges' g only; Cohen's d is g with the correction J = 1 − 3/(4(n1+n2) − 9) undone
            case "cohen_d_pooled_sd" ->
                () -> run(p, k, alternative, 0.95).effect() / (1 - 3.0 / (4 * (k.x().length + k.y().length) - 9));
            default -> null;
        };
        if (actual == null) {
            return List.of();
        }
        String alt = name.startsWith("p") ? " (" + pAlternative(name, alternative) + ")" : "";
        return List.of(check(k, p, key + ": " + what + name + alt, expected, actual));
    }

    private static Alternative pAlternative(String name, Alternative alternative) {
        return switch (name) {
            case "p_two_sided", "p_two_sided_t_approx" -> Alternative.TWO_SIDED;
            case "p_greater" -> Alternative.GREATER;
            case "p_less" -> Alternative.LESS;
            default -> alternative;
        };
    }

    private static Check check(Case k, Procedure p, String quantity, BigDecimal expected, DoubleSupplier actual) {
        return new Check(k.label(), k.source(), quantity, expected, k.digits(), p.family, actual);
    }

    private static Outcome run(Procedure p, Case k, Alternative alternative, double level) {
        return switch (p) {
            case PEARSON ->
                of(PearsonCorrelation.withDefaults()
                        .withAlternative(alternative)
                        .withConfidenceLevel(level)
                        .test(k.x(), k.y()));
            case SPEARMAN ->
                of(SpearmanCorrelation.withDefaults()
                        .withAlternative(alternative)
                        .withConfidenceLevel(level)
                        .test(k.x(), k.y()));
            case KENDALL ->
                of(KendallCorrelation.withDefaults()
                        .withAlternative(alternative)
                        .withConfidenceLevel(level)
                        .test(k.x(), k.y()));
            case WELCH ->
                of(WelchTest.withDefaults()
                        .withAlternative(alternative)
                        .withConfidenceLevel(level)
                        .test(k.x(), k.y()));
            case STUDENT ->
                of(WelchTest.withDefaults()
                        .assumingEqualVariances()
                        .withAlternative(alternative)
                        .withConfidenceLevel(level)
                        .test(k.x(), k.y()));
            case PAIRED ->
                of(PairedTTest.withDefaults()
                        .withAlternative(alternative)
                        .withConfidenceLevel(level)
                        .test(k.x(), k.y()));
            case ONE_SAMPLE_X_MU0 ->
                of(PairedTTest.withDefaults()
                        .withAlternative(alternative)
                        .withConfidenceLevel(level)
                        .testMean(k.x(), 0));
        };
    }

    private static Outcome of(Correlation c) {
        return new Outcome(c.coefficient(), c.statistic(), c.degreesOfFreedom(), c.pValue(), c.ci(), Double.NaN);
    }

    private static Outcome of(HypothesisTest t) {
        return new Outcome(
                Double.NaN,
                t.statistic(),
                t.degreesOfFreedom(),
                t.pValue(),
                t.estimate().orElseThrow().ci(),
                t.effectSize().map(EffectSize::value).orElse(Double.NaN));
    }

    private static Procedure procedure(String test) {
        return switch (test) {
            case "pearson" -> Procedure.PEARSON;
            case "spearman" -> Procedure.SPEARMAN;
            case "kendall" -> Procedure.KENDALL;
            case "welch_t", "effect_size_independent" -> Procedure.WELCH;
            case "student_t_equal_var" -> Procedure.STUDENT;
            // each expected key names its method: pearson_r, spearman_rho, …
            case "pearson+spearman+kendall" -> Procedure.PEARSON;
            default -> throw new IllegalArgumentException("reference test \"" + test + "\" is not mapped to td");
        };
    }

    private static Alternative alternative(Object value) {
        return switch ((String) value) {
            case "two-sided" -> Alternative.TWO_SIDED;
            case "greater" -> Alternative.GREATER;
            case "less" -> Alternative.LESS;
            default -> throw new IllegalArgumentException("alternative " + value);
        };
    }

    private static double[] input(Map<String, Object> json, String name, String id) {
        return doubles(member(json, name, id));
    }

    private static double[] doubles(Object value) {
        List<?> values = (List<?>) value;
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((BigDecimal) values.get(i)).doubleValue();
        }
        return out;
    }

    private static BigDecimal number(Object value, Case k) {
        if (value instanceof BigDecimal n) {
            return n;
        }
        throw new IllegalArgumentException(k.label() + ": expected a number, was " + value);
    }

    private static Object member(Map<String, Object> json, String key, String where) {
        Object value = json.get(key);
        if (value == null) {
            throw new IllegalArgumentException(where + " has no \"" + key + "\"");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException(where + ": expected an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String where) {
        if (value instanceof List<?>) {
            return (List<Object>) value;
        }
        throw new IllegalArgumentException(where + ": expected an array");
    }
}
