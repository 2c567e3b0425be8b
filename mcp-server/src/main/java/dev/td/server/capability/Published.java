package dev.td.server.capability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type of one capability that other capabilities may use: its published interface and the
 * values that cross it. Everything else in a capability's package is its own business; the
 * architecture tests refuse a dependency from one capability onto another's unpublished type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Published {}
