/**
 * Statistics kept ready: after a person's log grows, background workers recompute their analyses (correlations
 * between readings, load and performance with the false discovery rate controlled; anomalies, stalls and declines of
 * readings, pace and lifts) and store them with the event sequence they reflect; get_correlations, get_anomalies and
 * get_insights (those ranked with active injuries and fatigue) read them and say how fresh they are.
 *
 * <p>The queue is PostgreSQL alone: an append writes the person's row in {@code analysis_jobs} in its own
 * transaction, the commit's NOTIFY wakes the workers, a worker claims a due row with {@code FOR UPDATE SKIP LOCKED}
 * and a lease. Any number of server processes on one database share the work.
 */
package dev.td.server.insights;
