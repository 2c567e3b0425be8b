/**
 * Files from devices and apps read into td event drafts: one {@link dev.td.importers.Importer} per format (FIT, GPX,
 * TCX, Apple Health, Strava, Strong, Hevy, and td's own export), each a streaming parser and a mapping to td's event
 * types. Pure: no database, no server, no clock. The server checks every draft like a logged event, keys it by its record id and
 * stores a file's drafts all or none.
 */
@NullMarked
package dev.td.importers;

import org.jspecify.annotations.NullMarked;
