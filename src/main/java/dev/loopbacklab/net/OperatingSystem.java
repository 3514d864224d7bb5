package dev.loopbacklab.net;

import java.util.Locale;

/**
 * Which operating system family the lab runs on, from the {@code os.name} property. {@link
 * Platform} holds what each family does differently.
 */
public enum OperatingSystem {
    /** Linux, including WSL and containers. */
    LINUX,
    /** macOS (Darwin). */
    MAC,
    /** Windows. */
    WINDOWS,
    /** Anything else (the BSDs, Solaris, AIX): the lab assumes little and says so. */
    OTHER;

    /**
     * The family of the running JVM's operating system.
     *
     * @return the family
     */
    public static OperatingSystem current() {
        return of(System.getProperty("os.name", ""));
    }

    /**
     * Reads an {@code os.name} value such as {@code "Linux"}, {@code "Mac OS X"} or {@code "Windows
     * 11"}.
     *
     * @param osName the property's value
     * @return the family; {@link #OTHER} when not recognised
     */
    public static OperatingSystem of(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return LINUX;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MAC;
        }
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        return OTHER;
    }

    /**
     * The family's everyday name, as a lesson writes it.
     *
     * @return {@code "Linux"}, {@code "macOS"}, {@code "Windows"} or {@code "this system"}
     */
    public String displayName() {
        switch (this) {
            case LINUX:
                return "Linux";
            case MAC:
                return "macOS";
            case WINDOWS:
                return "Windows";
            default:
                return "this system";
        }
    }
}
