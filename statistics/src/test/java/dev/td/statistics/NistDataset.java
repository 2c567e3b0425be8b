package dev.td.statistics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the NIST StRD files copied into src/test/resources/nist (public domain; see LICENSE file there). */
public final class NistDataset {
    private static final Pattern PAIR = Pattern.compile("([A-Za-z0-9_()]+)\\s*=\\s*([-+0-9.Ee]+)");

    private NistDataset() {}

    /** Values of a univariate set, as binary64 (exactly what a caller would pass). */
    public static double[] univariate(String name) {
        return lines(name + ".data.txt").stream()
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    /** Raw decimal text of a univariate set, for exact reference arithmetic in tests. */
    public static List<String> univariateText(String name) {
        return lines(name + ".data.txt");
    }

    /** Columns of a regression set: index 0 is y, then x1, x2, … */
    public static double[][] columns(String name) {
        List<String> rows = lines(name + ".data.txt");
        int k = rows.get(0).trim().split("\\s+", -1).length;
        double[][] columns = new double[k][rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            String[] parts = rows.get(i).trim().split("\\s+", -1);
            for (int j = 0; j < k; j++) {
                columns[j][i - 1] = Double.parseDouble(parts[j]);
            }
        }
        return columns;
    }

    /** Certified values of one set, by key: {@code mean}, {@code B0}, {@code sd(B0)}, {@code residual_sd}, … */
    public record Certified(String set, Map<String, Double> values) {
        public Certified {
            values = Map.copyOf(values);
        }

        /** The certified value under {@code key}; a key the file lacks is a mistake in the test. */
        public double get(String key) {
            Double value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("NIST set " + set + " has no certified value '" + key
                        + "'; certified keys: " + values.keySet());
            }
            return value;
        }
    }

    /** Certified values: keys such as {@code mean}, {@code B0}, {@code sd(B0)}, {@code residual_sd}. */
    public static Certified certified(String name) {
        Map<String, Double> values = new HashMap<>();
        for (String line : lines(name + ".certified.txt")) {
            if (line.startsWith("#") || line.startsWith("anova") || line.startsWith("model")) {
                continue;
            }
            Matcher m = PAIR.matcher(line);
            while (m.find()) {
                values.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return new Certified(name, values);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = NistDataset.class.getResourceAsStream("/nist/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource nist/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
