package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortsTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "80, 80", "8080, 8080", "62893, 62893", "65535, 65535"})
    void readsPlainAsciiDigits(String text, int expected) {
        assertEquals(expected, Ports.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+80", "-1", "-0", "+0"})
    void rejectsSigns(String text) {
        assertMessage(text, "which has a sign");
    }

    @Test
    void rejectsPlusSignWithTheRuleInTheMessage() {
        PortFormatException e = assertThrows(PortFormatException.class, () -> Ports.parse("+80"));
        assertEquals(
                "port must be a port number from 0 to 65,535, digits 0-9 only; got \"+80\","
                        + " which has a sign",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {" 80", "80 ", "\t80", "80\n", "\u00A080", "80\u3000"})
    void rejectsSpacesAroundTheDigits(String text) {
        assertMessage(text, "which has spaces around it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "0x50", "8 0", "80.0", "8_0", "eighty", "80\u0000", "1,024"})
    void rejectsCharactersOtherThanDigits(String text) {
        assertMessage(text, "which has characters other than digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0668\u0660", "\uFF18\uFF10", "8\uFF10", "\u0967\u0966"})
    void rejectsNonAsciiDigits(String text) {
        assertMessage(text, "which uses digits other than the ASCII digits 0-9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"080", "00", "0177", "00080", "000000000080"})
    void rejectsLeadingZeros(String text) {
        assertMessage(text, "which has a leading zero");
    }

    @Test
    void suggestsTheNumberWithoutItsLeadingZeros() {
        assertMessage("0080", "(write 80;");
        assertMessage("000", "(write 0;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "99999999999999999999"})
    void rejectsMoreThanFiveDigits(String text) {
        assertMessage(text, "which has more than 5 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"65536", "70000", "99999"})
    void rejectsNumbersAbove65535(String text) {
        assertMessage(text, "which is above 65,535, the largest port number (ports are 16-bit)");
    }

    @Test
    void rejectsNullAndEmptyText() {
        assertMessage(null, "got nothing (null)");
        assertMessage("", "got an empty text");
    }

    @Test
    void startsTheMessageWithTheFieldName() {
        PortFormatException e =
                assertThrows(PortFormatException.class, () -> Ports.parse("x", "--port"));
        assertTrue(e.getMessage().startsWith("--port must be a port number"), e.getMessage());
    }

    @Test
    void cutsLongInputShortInTheMessage() {
        String huge = "9".repeat(10_000);
        PortFormatException e = assertThrows(PortFormatException.class, () -> Ports.parse(huge));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertTrue(e.getMessage().contains("10000 characters in all"), e.getMessage());
    }

    @Test
    void messageHasNoStackTraceText() {
        PortFormatException e = assertThrows(PortFormatException.class, () -> Ports.parse("1e3"));
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void refusesToClassifyNumbersOutsideThePortRange(int port) {
        PortFormatException e = assertThrows(PortFormatException.class, () -> Ports.classify(port));
        assertTrue(e.getMessage().startsWith("port " + port + " is "), e.getMessage());
    }

    @Test
    void describesADynamicPortWithoutService() {
        PrivilegedPorts linuxDefault = PrivilegedPorts.parseLinux("1024\n");
        PortInfo info = Ports.classify(62893, ServiceNames.fromText(""), linuxDefault);
        assertEquals(
                "62893 — dynamic/private (IANA 49152–65535); no well-known service;"
                        + " not privileged on this machine",
                info.describe());
    }

    @Test
    void describesHttpAsPrivilegedUnderTheLinuxDefault() {
        PortInfo info =
                Ports.classify(80, ServiceNames.fromText(""), PrivilegedPorts.parseLinux("1024"));
        assertEquals(PortCategory.WELL_KNOWN, info.category());
        assertEquals("http", info.service().orElseThrow());
        assertTrue(info.privilegedHere());
        assertTrue(info.describe().contains("usually http; privileged on this machine"));
    }

    @Test
    void classifiesOnThisMachineWithoutThrowing() {
        PortInfo info = Ports.classify(22);
        assertEquals("ssh", info.service().orElseThrow());
        assertEquals(PrivilegedPorts.current().isPrivileged(22), info.privilegedHere());
    }

    private static void assertMessage(String text, String expectedPart) {
        PortFormatException e = assertThrows(PortFormatException.class, () -> Ports.parse(text));
        assertTrue(e.getMessage().startsWith("port must be a port number from 0 to 65,535"));
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }
}
