/**
 * The training run behind {@code bin/td}'s start-up cache: common {@code td} commands against a
 * stand-in server on a loopback port, so that the JVM records the classes they load.
 */
package dev.td.cli.startup;
