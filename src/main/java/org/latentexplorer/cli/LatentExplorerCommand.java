package org.latentexplorer.cli;

import java.io.PrintWriter;
import org.latentexplorer.backend.NativeBuild;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.common.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code latent-explorer} command and its subcommands. Exit codes: 0 success, 2 bad input
 * (options, files, values; also a training run that diverged), 1 an internal failure.
 */
@Command(name = "latent-explorer", mixinStandardHelpOptions = true, versionProvider = LatentExplorerCommand.Version.class,
        description = "Variational autoencoders with the skew geometric Jensen-Shannon divergence (Deasy et al., NeurIPS 2020).",
        subcommands = {TrainCommand.class, EvalCommand.class, TraverseCommand.class, InterpolateCommand.class, CurveCommand.class,
                DivergenceCommand.class, DatasetCommand.class, ImportCommand.class, ExportCommand.class,
                InfoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class LatentExplorerCommand implements Runnable {
    public static final int EXIT_USER_ERROR = 2;
    public static final int EXIT_INTERNAL_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with standard streams and returns the exit code. */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /**
     * A configured command line writing to the given streams (tests use their own). Start-up of the command line:
     * chooses the ND4J native build before any command can load ND4J.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        NativeBuild.select();
        CommandLine cl = new CommandLine(new LatentExplorerCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            if (t instanceof UserInputException) {
                commandLine.getErr().println("error: " + t.getMessage());
                return EXIT_USER_ERROR;
            }
            commandLine.getErr().println("internal error: " + t);
            if (System.getenv("LATENT_EXPLORER_DEBUG") != null) {
                t.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set LATENT_EXPLORER_DEBUG=1 for the stack trace)");
            }
            return EXIT_INTERNAL_ERROR;
        });
        return cl;
    }

    /** Prints the application and ND4J versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Latent Explorer " + Versions.app() + " (ND4J " + Versions.ND4J + ")"};
        }
    }
}
