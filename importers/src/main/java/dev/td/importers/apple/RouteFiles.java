package dev.td.importers.apple;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Where a workout's {@code <FileReference path="/workout-routes/….gpx"/>} is read from. */
interface RouteFiles {

    /** The referenced file, or empty when the export does not hold it. */
    Optional<InputStream> open(String path) throws IOException;

    /** Why a reference that {@link #open} did not find is left out. */
    String missing(String path);

    /** A bare export.xml: its route files stayed in the zip. */
    RouteFiles NONE = new RouteFiles() {
        @Override
        public Optional<InputStream> open(String path) {
            return Optional.empty();
        }

        @Override
        public String missing(String path) {
            return "its route " + path + " is a file of the export.zip, not of export.xml: import the zip to get"
                    + " the route";
        }
    };
}
