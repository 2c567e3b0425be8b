package dev.td.importers.track;

/**
 * The great-circle distance between two points on a sphere the size of the Earth, by the haversine formula (Sinnott
 * 1984, "Virtues of the Haversine", Sky and Telescope 68(2):159). GPX gives positions only, so a track's distance is
 * the sum of these over consecutive points. The sphere's radius is the IUGG mean Earth radius R1 = 6,371,008.8 m
 * (Moritz 1980, Geodetic Reference System 1980); against the WGS 84 ellipsoid the error is at most about 0.5 %.
 */
final class Haversine {

    /** The IUGG mean Earth radius R1, in metres. */
    static final double EARTH_RADIUS_M = 6_371_008.8;

    private Haversine() {}

    /** Metres between two positions given in degrees. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinHalfDPhi = Math.sin((phi2 - phi1) / 2);
        double sinHalfDLambda = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double h = sinHalfDPhi * sinHalfDPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
