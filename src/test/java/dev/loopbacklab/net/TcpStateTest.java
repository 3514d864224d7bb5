package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TcpStateTest {

    @Test
    void readsLinuxHexCodesInEitherCase() {
        assertEquals(TcpState.ESTABLISHED, TcpState.fromHex("01"));
        assertEquals(TcpState.TIME_WAIT, TcpState.fromHex("06"));
        assertEquals(TcpState.LISTEN, TcpState.fromHex("0A"));
        assertEquals(TcpState.LISTEN, TcpState.fromHex("0a"));
        assertEquals(TcpState.BOUND_INACTIVE, TcpState.fromHex("0D"));
    }

    @Test
    void everyStateRoundTripsThroughItsHexCode() {
        for (TcpState state : TcpState.values()) {
            assertEquals(state, TcpState.fromHex(state.hex()));
        }
        assertEquals("0A", TcpState.LISTEN.hex());
    }

    @Test
    void refusesUnknownOrMalformedCodes() {
        for (String bad : new String[] {"00", "0E", "FF", "", "+A", "abc", "٠١"}) {
            assertThrows(IllegalArgumentException.class, () -> TcpState.fromHex(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> TcpState.fromHex(null));
    }
}
