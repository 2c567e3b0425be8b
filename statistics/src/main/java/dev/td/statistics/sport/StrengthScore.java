package dev.td.statistics.sport;

/**
 * Bodyweight-adjusted powerlifting scores (weights in kg).
 *
 * <ul>
 *   <li>Wilks classic (Wilks, 1994/1998 IPF): total · 500/(a + b·bw + … + f·bw⁵).</li>
 *   <li>Wilks 2020 ("Wilks2", Robert Wilks 2020): total · 600/(a + b·bw + … + f·bw⁵).</li>
 *   <li>DOTS (Tim Konertz, 2019; as OpenPowerlifting): total · 500/(a + b·bw + … + e·bw⁴), bw
 *       clamped to 40–210 kg (men) / 40–150 kg (women).</li>
 *   <li>IPF GL points (IPF 2020): total · 100/(A − B·e^(−C·bw)), classic (raw) full powerlifting
 *       coefficients.</li>
 * </ul>
 * Coefficients are the published ones as implemented by OpenPowerlifting's {@code coefficients} crate.
 */
public final class StrengthScore {
    private static final double[] WILKS_MEN = {
        -216.0475144, 16.2606339, -0.002388645, -0.00113732, 7.01863e-06, -1.291e-08
    };
    private static final double[] WILKS_WOMEN = {
        594.31747775582, -27.23842536447, 0.82112226871, -0.00930733913, 4.731582e-05, -9.054e-08
    };
    private static final double[] WILKS2020_MEN = {
        47.46178854, 8.472061379, 0.07369410346, -0.001395833811, 7.07665973070743e-06, -1.20804336482315e-08
    };
    private static final double[] WILKS2020_WOMEN = {
        -125.4255398, 13.71219419, -0.03307250631, -0.001050400051, 9.38773881462799e-06, -2.3334613884954e-08
    };
    private static final double[] DOTS_MEN = {-307.75076, 24.0900756, -0.1918759221, 0.0007391293, -0.000001093};
    private static final double[] DOTS_WOMEN = {-57.96288, 13.6175032, -0.1126655495, 0.0005158568, -0.0000010706};

    private StrengthScore() {}

    /** Classic Wilks points; bodyweight clamped to 40–201.9 kg (men) / 26.51–154.53 kg (women) as in IPF tables. */
    public static double wilksClassic(double total, double bodyweight, Sex sex) {
        validate(total, bodyweight);
        double bw = sex == Sex.MALE ? clamp(bodyweight, 40, 201.9) : clamp(bodyweight, 26.51, 154.53);
        return total * 500 / poly(sex == Sex.MALE ? WILKS_MEN : WILKS_WOMEN, bw);
    }

    /** Wilks 2020 points; bodyweight clamped to 40–200.95 kg (men) / 40–150.95 kg (women). */
    public static double wilks2020(double total, double bodyweight, Sex sex) {
        validate(total, bodyweight);
        double bw = sex == Sex.MALE ? clamp(bodyweight, 40, 200.95) : clamp(bodyweight, 40, 150.95);
        return total * 600 / poly(sex == Sex.MALE ? WILKS2020_MEN : WILKS2020_WOMEN, bw);
    }

    /** DOTS points. */
    public static double dots(double total, double bodyweight, Sex sex) {
        validate(total, bodyweight);
        double bw = sex == Sex.MALE ? clamp(bodyweight, 40, 210) : clamp(bodyweight, 40, 150);
        return total * 500 / poly(sex == Sex.MALE ? DOTS_MEN : DOTS_WOMEN, bw);
    }

    /** IPF GL points for classic (raw) full powerlifting; bodyweight must be at least 35 kg. */
    public static double ipfGoodlift(double total, double bodyweight, Sex sex) {
        validate(total, bodyweight);
        if (bodyweight < 35) {
            throw new IllegalArgumentException(
                    "bodyweight must be at least 35 kg for IPF GL points, was " + bodyweight);
        }
        double a = sex == Sex.MALE ? 1199.72839 : 610.32796;
        double b = sex == Sex.MALE ? 1025.18162 : 1045.59282;
        double c = sex == Sex.MALE ? 0.00921 : 0.03048;
        return total * 100 / (a - b * Math.exp(-c * bodyweight));
    }

    private static double poly(double[] c, double x) {
        double result = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            result = result * x + c[i];
        }
        return result;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static void validate(double total, double bodyweight) {
        if (!(total >= 0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("total must be a finite, non-negative load in kg, was " + total);
        }
        if (!(bodyweight > 0) || !Double.isFinite(bodyweight)) {
            throw new IllegalArgumentException("bodyweight must be a positive finite mass in kg, was " + bodyweight);
        }
    }
}
