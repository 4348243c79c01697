package dev.accord.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;

/**
 * Lets the JVM give memory back once a burst of traffic is over. By default G1 keeps the heap it grew to under
 * load (a fuzz run left 550 MiB resident for good); with a periodic collection every 15 s when idle and a heap
 * that shrinks above 30 % free, the resident size returns to about what it was after start. Only flags the
 * operator left at their defaults are changed, and only where the JVM allows it at run time (manageable flags).
 */
final class IdleMemory {

    private IdleMemory() {
    }

    static void returnWhenIdle() {
        HotSpotDiagnosticMXBean vm;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            return; // not HotSpot: nothing to tune
        }
        if (vm == null || !"true".equals(option(vm, "UseG1GC"))) {
            return;
        }
        // the minimum first: MaxHeapFreeRatio may not go below it
        setIfDefault(vm, "MinHeapFreeRatio", "10");
        setIfDefault(vm, "MaxHeapFreeRatio", "30");
        setIfDefault(vm, "G1PeriodicGCInterval", "15000");
    }

    private static String option(HotSpotDiagnosticMXBean vm, String name) {
        try {
            return vm.getVMOption(name).getValue();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String name, String value) {
        try {
            VMOption option = vm.getVMOption(name);
            if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                vm.setVMOption(name, value);
            }
        } catch (IllegalArgumentException | SecurityException e) {
            // unknown on this JVM, or not writable: keep its default
        }
    }
}
