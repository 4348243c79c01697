package dev.accord.core.compat;

/**
 * Which side must understand the other. BACKWARD: the new schema reads data written with the old one
 * (upgrade consumers first). FORWARD: the old schema reads data written with the new one (upgrade producers
 * first).
 */
public enum Direction {
    BACKWARD,
    FORWARD
}
