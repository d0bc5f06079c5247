using System.CommandLine;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Output;
using Mosel.Experiments.Safety;
using Mosel.Experiments.Sessions;
using Spectre.Console;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel merge SHARD… --out DIR</c></summary>
public static class MergeCommand
{
    public static Command Create()
    {
        var shards = new Argument<DirectoryInfo[]>("shards") { Description = "The shard folders of one study (mosel simulate --shard I/N), every shard once", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The merged results folder; an earlier Mosel results folder there is replaced, anything else is refused", Required = true };
        var command = new Command("merge", "Combine a study's shards into the results folder the whole study gives on one machine")
        {
            shards, output,
        };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            string[] folders = parse.GetValue(shards)!.Select(d => d.FullName).ToArray();
            foreach (string folder in folders.Where(f => !Directory.Exists(f)))
            {
                throw new ConfigException($"{folder}: no such shard folder");
            }
            string outDir = parse.GetValue(output)!.FullName;
            OutputTarget.CheckNotAnInput(outDir, folders, "shards being merged");
            using var merged = new ResultsFolder(outDir, OutputKind.Simulation);
            Study study = ShardMerge.Merge(folders, merged.StagingPath);
            merged.Commit();
            AnsiConsole.MarkupLine($"{folders.Length} shards, {study.Runs.Count} runs of {Markup.Escape(study.Name)} merged into [link]{Markup.Escape(merged.FinalPath)}[/]");
            return 0;
        }));
        return command;
    }
}
