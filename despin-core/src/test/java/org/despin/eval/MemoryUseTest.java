package org.despin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryUseTest {
    @Test
    void peakResidentIsReadFromTheStatusFilesHighWaterMark() {
        assertEquals(262_144L * 1024, MemoryUse.peakResident(List.of("Name:\tjava", "VmPeak:\t 9000000 kB",
                "VmHWM:\t  262144 kB", "VmRSS:\t  200000 kB")));
        assertEquals(-1, MemoryUse.peakResident(List.of("Name:\tjava")));
        assertEquals(-1, MemoryUse.peakResident(List.of("VmHWM:\tlots kB")));
    }

    @Test
    void theHeapPeakIsMeasured() {
        assertTrue(MemoryUse.peaks().peakHeapBytes() > 0);
    }
}
