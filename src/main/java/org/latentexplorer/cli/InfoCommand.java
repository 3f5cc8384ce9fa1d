package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.latentexplorer.backend.BackendDiagnosis;
import org.latentexplorer.backend.BackendDoctor;
import org.latentexplorer.backend.BackendReport;
import org.latentexplorer.backend.NativeMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code info}: the backend doctor's banner (GPU in use, or the CPU and why not the GPU), then
 * versions, the ND4J backend and native build, the CPU features, the native memory settings, devices
 * and GPU findings.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints which ND4J backend and device compute (and why not the GPU), versions, the native build and the CPU features.")
final class InfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackendReport report = BackendReport.probe();
        BackendDiagnosis diagnosis = BackendDoctor.diagnose(report);
        out.println(diagnosis.banner());
        for (String line : report.lines()) {
            out.println(line);
        }
        out.println("native memory: " + NativeMemory.summary());
        for (String line : diagnosis.lines().subList(1, diagnosis.lines().size())) {
            out.println(line);
        }
        return 0;
    }
}
