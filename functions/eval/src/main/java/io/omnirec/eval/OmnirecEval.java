package io.omnirec.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code omnirec-eval}. */
@Command(name = "omnirec-eval", mixinStandardHelpOptions = true,
        description = "Evaluate Omnirec's recommendations with its own production code on in-memory stores.",
        subcommands = {MovieLensCommand.class, SyntheticCommand.class, RecommendCommand.class,
            BenchRankCommand.class, BenchTrainCommand.class, BenchCommand.class})
public final class OmnirecEval {

    public static void main(String[] args) {
        System.exit(new CommandLine(new OmnirecEval()).execute(args));
    }
}
