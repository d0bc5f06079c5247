using System.CommandLine;
using System.Diagnostics;
using Mosel.Experiments.Datasets;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Output;
using Mosel.Experiments.Safety;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel dataset build</c>: the labelled spoken-and-written digits dataset, built on this machine from Debian packages.</summary>
public static class DatasetCommand
{
    public const string DefaultFolder = "results/datasets/digits";

    public static Command Create()
    {
        var command = new Command("dataset", "Labelled multi-modal data for measuring accuracy");
        command.Subcommands.Add(CreateBuild());
        return command;
    }

    private static Command CreateBuild()
    {
        var output = new Option<string>("--out", "-o") { Description = $"Dataset folder (default: {DefaultFolder}); an earlier Mosel folder there is replaced when the build succeeds, anything else is refused", DefaultValueFactory = _ => DefaultFolder };
        var seed = new Option<int>("--seed") { Description = "Seed of every random draw (voices, noise, image styles)", DefaultValueFactory = _ => DigitDatasetSettings.Default.Seed };
        var utterances = new Option<int>("--utterances") { Description = "Spoken utterances per digit (split 70/15/15 into train, validation, test)", DefaultValueFactory = _ => DigitDatasetSettings.Default.UtterancesPerDigit };
        var samples = new Option<int>("--samples-per-utterance") { Description = "Samples made from each utterance (new noise, offset and image each)", DefaultValueFactory = _ => DigitDatasetSettings.Default.SamplesPerUtterance };
        var command = new Command("build", "Build the spoken and written digits dataset (needs espeak-ng, sox and fonts; see mosel doctor)")
        {
            output, seed, utterances, samples,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            var settings = new DigitDatasetSettings(parse.GetValue(seed), parse.GetValue(utterances), parse.GetValue(samples));
            if (settings.UtterancesPerDigit is < 1 or > 10_000)
            {
                throw new ConfigException($"--utterances: must be in [1, 10000], found {settings.UtterancesPerDigit}");
            }
            if (settings.SamplesPerUtterance is < 1 or > 1_000)
            {
                throw new ConfigException($"--samples-per-utterance: must be in [1, 1000], found {settings.SamplesPerUtterance}");
            }
            return Build(parse.GetValue(output)!, settings);
        }));
        return command;
    }

    private static int Build(string output, DigitDatasetSettings settings)
    {
        using var folder = new ResultsFolder(output, OutputKind.Dataset);
        IReadOnlyList<string> fonts = DigitImageRenderer.Fonts();
        long started = Stopwatch.GetTimestamp();
        IReadOnlyList<DigitSample> samples = ConsoleProgress.Run("speaking digits", progress =>
            DigitDatasetBuilder.Build(settings, fonts, progress is null ? null : (total, step) => progress(total, step)));
        DigitDatasetFiles.Write(folder.StagingPath, settings, samples, fonts);
        folder.Commit();
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("split", "samples", "utterances");
        foreach (string split in DatasetSplit.All)
        {
            table.AddRow(split, samples.Count(s => s.Split == split).ToString("N0"), samples.Where(s => s.Split == split).Select(s => s.Utterance).Distinct().Count().ToString("N0"));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{samples.Count:N0} samples in {Markup.Escape(folder.FinalPath)} ({seconds:0.0} s); datasheet.md says how they are made, preview/ shows some");
        return 0;
    }
}
