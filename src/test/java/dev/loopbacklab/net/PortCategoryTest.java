package dev.loopbacklab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortCategoryTest {

    @ParameterizedTest
    @CsvSource({
        "0, WELL_KNOWN",
        "1023, WELL_KNOWN",
        "1024, REGISTERED",
        "49151, REGISTERED",
        "49152, DYNAMIC",
        "65535, DYNAMIC"
    })
    void placesBoundaryPortsInTheRfc6335Ranges(int port, PortCategory expected) {
        assertEquals(expected, PortCategory.of(port));
    }

    @Test
    void rangesCoverEveryPortWithoutGapsOrOverlap() {
        int next = 0;
        for (PortCategory category : PortCategory.values()) {
            assertEquals(next, category.first(), category.name());
            next = category.last() + 1;
        }
        assertEquals(65536, next);
    }

    @Test
    void labelsMatchTheLessonWording() {
        assertEquals("well-known (system)", PortCategory.WELL_KNOWN.label());
        assertEquals("registered (user)", PortCategory.REGISTERED.label());
        assertEquals("dynamic/private", PortCategory.DYNAMIC.label());
    }

    @Test
    void refusesNumbersOutsideThePortRange() {
        assertThrows(PortFormatException.class, () -> PortCategory.of(-1));
        assertThrows(PortFormatException.class, () -> PortCategory.of(65536));
    }
}
