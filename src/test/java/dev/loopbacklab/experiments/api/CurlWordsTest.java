package dev.loopbacklab.experiments.api;

import static dev.loopbacklab.testing.Systems.LINUX;
import static dev.loopbacklab.testing.Systems.MAC;
import static dev.loopbacklab.testing.Systems.WINDOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The curl line api-curl and metrics-yours hand a Linux, a macOS and a Windows learner (their live
 * tests check they print {@code Platform.current().curlCommand}). In Windows PowerShell 5.1 {@code
 * curl} is an alias of Invoke-WebRequest, which would reject curl's options and call the API in
 * another way (PowerShell/PowerShell#1901 removed the alias only from PowerShell 6 on); {@code
 * curl.exe} is the curl Windows ships since Windows 10 1803, in PowerShell and cmd.exe alike.
 */
class CurlWordsTest {
    private static final String URL = "http://127.0.0.1:50123/hello";

    @Test
    void windowsGetsCurlExeSoPowerShellDoesNotRunItsAlias() {
        assertEquals("curl.exe " + URL, WINDOWS.curlCommand(URL));
    }

    @Test
    void linuxAndMacosGetPlainCurl() {
        assertEquals("curl " + URL, LINUX.curlCommand(URL));
        assertEquals("curl " + URL, MAC.curlCommand(URL));
    }
}
