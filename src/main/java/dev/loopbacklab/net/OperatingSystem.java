package dev.loopbacklab.net;

import java.util.Locale;

/** Which operating system family the lab runs on, from the {@code os.name} property. */
enum OperatingSystem {
    LINUX,
    MAC,
    WINDOWS,
    OTHER;

    /** The family of the running JVM's operating system. */
    static OperatingSystem current() {
        return of(System.getProperty("os.name", ""));
    }

    /**
     * Reads an {@code os.name} value such as {@code "Linux"}, {@code "Mac OS X"} or {@code "Windows
     * 11"}.
     */
    static OperatingSystem of(String osName) {
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
}
