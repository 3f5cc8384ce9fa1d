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
                DivergenceCommand.class, DatasetCommand.class, ImportCommand.class, ExportCommand.class, SweepCommand.class,
                InfoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class LatentExplorerCommand implements Runnable {
    public static final int EXIT_USER_ERROR = 2;
    public static final int EXIT_INTERNAL_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "on an internal error or when memory runs out, also print the stack trace")
    boolean verbose;

    /** What to do when the JVM runs out of memory: the one line printed, before exit code 1. */
    static final String OUT_OF_MEMORY = "out of memory: ask for less at once (a smaller --steps, --batch or --limit, "
            + "fewer --dims), or give Java more (e.g. java -Xmx8g, or -Dorg.bytedeco.javacpp.maxbytes=4g for ND4J's native memory)";

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with standard streams and returns the exit code. */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /**
     * Runs the command line writing to the given streams and returns the exit code (for callers outside this
     * package, such as the Spark runner, that must not depend on picocli themselves).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
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
                commandLine.getErr().println("error: " + oneLine(t.getMessage()));
                return EXIT_USER_ERROR;
            }
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof OutOfMemoryError) {
                    // ND4J and the data prefetcher may wrap it
                    commandLine.getErr().println("error: " + OUT_OF_MEMORY);
                    if (verbose(parseResult)) {
                        t.printStackTrace(commandLine.getErr());
                    }
                    return EXIT_INTERNAL_ERROR;
                }
            }
            commandLine.getErr().println("internal error: " + oneLine(String.valueOf(t)));
            if (verbose(parseResult)) {
                t.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(run with --verbose or set LATENT_EXPLORER_DEBUG=1 for the stack trace)");
            }
            return EXIT_INTERNAL_ERROR;
        });
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return run.execute(parseResult);
            } catch (OutOfMemoryError e) {
                // an Error passes picocli's exception handler: without this it ends in a JVM stack trace
                PrintWriter stderr = cl.getErr();
                stderr.println("error: " + OUT_OF_MEMORY);
                if (verbose(parseResult)) {
                    e.printStackTrace(stderr);
                }
                stderr.flush();
                return EXIT_INTERNAL_ERROR;
            }
        });
        return cl;
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        return System.getenv("LATENT_EXPLORER_DEBUG") != null
                || (parseResult != null && parseResult.originalArgs().contains("--verbose"));
    }

    /** The longest error message printed; a longer one (e.g. echoing a huge input line) is cut. */
    static final int MAX_MESSAGE = 2000;

    /** A message cut to {@value #MAX_MESSAGE} characters, saying how much was left out. */
    static String oneLine(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "… (" + (message.length() - MAX_MESSAGE) + " more characters)";
    }

    /** Prints the application and ND4J versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Latent Explorer " + Versions.app() + " (ND4J " + Versions.ND4J + ")"};
        }
    }
}
