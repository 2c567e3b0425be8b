package dev.td.statistics.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the coverage of td's intervals and the type-I error of its tests by simulation, on the
 * grid the statistics issue asks for. Deterministic: every cell has its own seed derived from the
 * run's seed, the procedure, the generator and n, so a cell reproduces alone.
 */
public final class CoverageSimulation {
    private static final int[] SIZES = {10, 30, 100, 500};
    /** The goal band for coverage of a nominal 95 % interval; a test's 1 − type-I error must reach its lower end + 0.01. */
    public static final double LOWER = 0.93;

    public static final double UPPER = 0.97;

    private final long seed;
    private final int runs;

    public CoverageSimulation(long seed, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
        this.seed = seed;
        this.runs = runs;
    }

    /**
     * One cell's counts.
     *
     * @param held          runs whose truth held (interval covered, or test did not reject)
     * @param flagged       runs td flagged approximate
     * @param heldUnflagged runs that held among those not flagged
     */
    public record Cell(
            Procedure procedure, Generator generator, int n, int runs, int held, int flagged, int heldUnflagged) {
        public double rate() {
            return (double) held / runs;
        }

        public double flaggedShare() {
            return (double) flagged / runs;
        }

        /** The rate among unflagged runs; NaN when every run was flagged. */
        public double unflaggedRate() {
            return runs == flagged ? Double.NaN : (double) heldUnflagged / (runs - flagged);
        }

        /**
         * Whether td is honest in this cell: the rate is in the goal band (allowing {@code slack} for
         * simulation error), or the runs td did not flag approximate hold at ≥ the band's lower end −
         * slack (or fewer than 5 % of runs went unflagged): where the method falls short, td said so.
         * Tests are judged on their false-positive side only (1 − type-I ≥ 0.94 − slack); an
         * over-conservative test is not dishonest.
         */
        public boolean honest(double slack) {
            double lower = procedure.interval() ? LOWER : 0.94;
            boolean inBand = rate() >= lower - slack && (!procedure.interval() || rate() <= UPPER + slack);
            return inBand || runs - flagged < 0.05 * runs || unflaggedRate() >= lower - slack;
        }
    }

    /** Runs one cell. */
    public Cell cell(Procedure procedure, Generator generator, int n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L
                + procedure.name().hashCode() * 10_007L
                + generator.name().hashCode() * 101L
                + n);
        int held = 0;
        int flagged = 0;
        int heldUnflagged = 0;
        for (int r = 0; r < runs; r++) {
            Procedure.Outcome o = procedure.run(generator, n, random);
            held += o.held() ? 1 : 0;
            flagged += o.flagged() ? 1 : 0;
            heldUnflagged += o.held() && !o.flagged() ? 1 : 0;
        }
        return new Cell(procedure, generator, n, runs, held, flagged, heldUnflagged);
    }

    /** Every cell of the grid for {@code procedures}. */
    public List<Cell> grid(List<Procedure> procedures, List<Generator> generators, int[] sizes) {
        List<Cell> cells = new ArrayList<>();
        for (Procedure p : procedures) {
            for (Generator g : generators) {
                for (int n : sizes) {
                    cells.add(cell(p, g, n));
                }
            }
        }
        return cells;
    }

    /** A plain-text table: one row per procedure and generator, one column per n (rate, flagged share). */
    public static String table(List<Cell> cells, int[] sizes) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-44s %-16s", "procedure (rate: coverage or 1 - type-I)", "data"));
        for (int n : sizes) {
            out.append(String.format(Locale.ROOT, " | n=%-4d rate flag unfl", n));
        }
        out.append('\n');
        Procedure lastP = null;
        Generator lastG = null;
        for (Cell c : cells) {
            if (c.procedure() != lastP || c.generator() != lastG) {
                if (lastP != null) {
                    out.append('\n');
                }
                out.append(String.format(
                        Locale.ROOT,
                        "%-44s %-16s",
                        c.procedure().label(),
                        c.generator().label()));
                lastP = c.procedure();
                lastG = c.generator();
            }
            out.append(String.format(
                    Locale.ROOT,
                    " | %s%5.3f %4.2f %5s",
                    c.honest(0.01) ? " " : "!",
                    c.rate(),
                    c.flaggedShare(),
                    Double.isNaN(c.unflaggedRate()) ? "-" : String.format(Locale.ROOT, "%.3f", c.unflaggedRate())));
            out.append("   ");
        }
        return out.append('\n').toString();
    }

    /** {@code bin/bench coverage [runs] [seed] [PROCEDURE,…]}: the grid, printed. */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261130L;
        List<Procedure> procedures = args.length > 2
                ? java.util.Arrays.stream(args[2].split(",", -1))
                        .map(Procedure::valueOf)
                        .toList()
                : List.of(Procedure.values());
        long start = System.nanoTime();
        List<Cell> cells = new CoverageSimulation(seed, runs).grid(procedures, List.of(Generator.values()), SIZES);
        System.out.print(table(cells, SIZES));
        long dishonest = cells.stream().filter(c -> !c.honest(0.01)).count();
        System.out.printf(
                Locale.ROOT,
                "%d runs per cell, seed %d, %.0f s; cells outside the goal and not flagged: %d (marked !)%n",
                runs,
                seed,
                (System.nanoTime() - start) / 1e9,
                dishonest);
    }
}
