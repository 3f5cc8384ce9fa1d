package org.latentexplorer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Driver versions read from /proc text and compared numerically. */
class DriverVersionTest {
    @Test
    void readsTheProprietaryAndTheOpenKernelModule() {
        assertEquals(Optional.of(new DriverVersion("535.104.05")), DriverVersion.fromProcText(
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023\nGCC version: 12\n"));
        assertEquals(Optional.of(new DriverVersion("550.54.14")), DriverVersion.fromProcText(
                "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  550.54.14  Release Build  (dvs-builder@U16)\n"));
        assertEquals(Optional.of(new DriverVersion("418.67")), DriverVersion.fromProcText(
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  418.67  Sat Apr  6 03:07:24 CDT 2019\n"));
    }

    @Test
    void textWithoutAVersionLineGivesNothing() {
        assertTrue(DriverVersion.fromProcText("").isEmpty());
        assertTrue(DriverVersion.fromProcText("GCC version: gcc 12.2.0\n").isEmpty());
        assertTrue(DriverVersion.fromProcText("NVRM version: something odd\n").isEmpty());
    }

    @Test
    void comparesPartByPartNumerically() {
        assertTrue(new DriverVersion("450.80.02").compareTo(new DriverVersion("450.80.2")) == 0);
        assertTrue(new DriverVersion("450.80.02").compareTo(new DriverVersion("450.80")) > 0);
        assertTrue(new DriverVersion("450.119.03").compareTo(new DriverVersion("450.80.02")) > 0);
        assertTrue(new DriverVersion("470.57").compareTo(DriverVersion.MINIMUM_FOR_CUDA_11) > 0);
        assertTrue(new DriverVersion("440.100").compareTo(DriverVersion.MINIMUM_FOR_CUDA_11) < 0);
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        assertThrows(IllegalArgumentException.class, () -> new DriverVersion("5x.1"));
        assertThrows(IllegalArgumentException.class, () -> new DriverVersion(""));
    }
}
