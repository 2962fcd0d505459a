package dev.weir.cli;

import dev.weir.reactive.WeirStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import reactor.core.publisher.Mono;

/**
 * The {@code weir} command. Subcommands are added as instances in {@link #commandLine} ({@code
 * shell}, {@code serve} and {@code bench}), so each gets the streams
 * and the store opener it needs without global state, and tests run the whole command
 * in-process through {@link #execute}.
 *
 * <p>Errors are short: a mistake on the command line prints its message, picocli's suggestion
 * for a misspelt option or command, and where the help is; a command that fails while it runs
 * (a store that does not open) prints one line, {@code error: ...}. Neither buries the message
 * under the usage, which {@code --help} shows. Help wraps to the terminal's width.
 */
@Command(
    name = "weir",
    mixinStandardHelpOptions = true,
    versionProvider = WeirCli.VersionProvider.class,
    description = "Weir, a reactive non-blocking LSM store for the JVM.",
    synopsisSubcommandLabel = "COMMAND")
public final class WeirCli implements Runnable {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, Io.system(), ShellCommand.defaultOpener()));
  }

  /** Runs the command line {@code args} on {@code io}; returns the exit code. */
  static int execute(String[] args, Io io, Function<String, Mono<WeirStore>> opener) {
    return commandLine(io, opener).execute(args);
  }

  static CommandLine commandLine(Io io, Function<String, Mono<WeirStore>> opener) {
    CommandLine cli = new CommandLine(new WeirCli());
    cli.addSubcommand(new ShellCommand(io, opener));
    cli.addSubcommand(new ServeCommand(io));
    cli.addSubcommand(new BenchCommand());
    cli.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
    // After the subcommands are added: these settings reach the commands present now.
    cli.setUsageHelpAutoWidth(true);
    cli.setParameterExceptionHandler(WeirCli::usageError);
    cli.setExecutionExceptionHandler(WeirCli::failure);
    return cli;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int failure(Exception e, CommandLine command, ParseResult parsed) {
    command.getErr().println("error: " + Shell.describe(e));
    return e instanceof CommandFailure f
        ? f.exitCode() : command.getCommandSpec().exitCodeOnExecutionException();
  }

  /** Without a subcommand: show what there is. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"weir " + Version.get()};
    }
  }
}
