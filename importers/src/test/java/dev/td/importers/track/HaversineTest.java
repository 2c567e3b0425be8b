package dev.td.importers.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Great-circle distances on the IUGG mean sphere (R1 = 6,371,008.8 m, Moritz 1980). */
class HaversineTest {

    @Test
    void arcsOfTheSphereHaveTheLengthOfTheirAngle() {
        // an arc of θ radians on a sphere of radius R is R·θ
        double r = 6_371_008.8;
        assertThat(Haversine.metres(0, 0, 90, 0)).isCloseTo(r * Math.PI / 2, within(1e-6));
        assertThat(Haversine.metres(0, 0, 0, 180)).isCloseTo(r * Math.PI, within(1e-6));
        assertThat(Haversine.metres(45, 10, 46, 10)).isCloseTo(r * Math.PI / 180, within(1e-6));
        // the spherical law of cosines, another formula for the same angle: cos c = sin²φ + cos²φ·cos Δλ
        double phi = Math.toRadians(60);
        double c = Math.acos(Math.pow(Math.sin(phi), 2) + Math.pow(Math.cos(phi), 2) * Math.cos(Math.toRadians(1)));
        assertThat(Haversine.metres(60, 0, 60, 1)).isCloseTo(r * c, within(1e-3));
    }

    @Test
    void theDistanceIsSymmetricAndZeroInPlace() {
        assertThat(Haversine.metres(38.9, -77.0, 37.8, -122.4)).isEqualTo(Haversine.metres(37.8, -122.4, 38.9, -77.0));
        assertThat(Haversine.metres(38.9, -77.0, 38.9, -77.0)).isZero();
    }
}
