package dev.td.importers.csv;

/** A column of a CSV file: its position and its header name, for reading cells and naming them in errors. */
record Column(int index, String name) {}
