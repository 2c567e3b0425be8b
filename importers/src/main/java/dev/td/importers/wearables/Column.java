package dev.td.importers.wearables;

/** A column of a {@link Table}: its position and its name as the header writes it. */
record Column(int index, String name) {}
