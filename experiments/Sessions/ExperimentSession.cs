using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;
using Mosel.Experiments.Output;
using Mosel.Experiments.Running;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Sessions;

/// <summary>
/// One study (a config's sweep points) from validated configs to files: resolve what can still fail on the user's input
/// (weights, size of the run) before anything is written, run, check conservation, write the results into
/// a directory the caller owns (a staging folder; the caller commits it).
/// </summary>
public static class ExperimentSession
{
    /// <summary>Everything that reads user files or sizes the run, before a single file is written.</summary>
    public static void Resolve(Study study, RunBudget budget)
    {
        foreach (ExperimentConfig point in study.Points)
        {
            Resolve(point, budget);
        }
    }

    /// <inheritdoc cref="Resolve(Study, RunBudget)"/>
    public static void Resolve(ExperimentConfig experiment, RunBudget budget)
    {
        budget.Check(experiment);
        if (experiment.Torch is { } torch)
        {
            try
            {
                ZooModels.Get(torch.Model, torch.Scale, torch.Weights, torch.WeightNames);
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or FormatException or EndOfStreamException)
            {
                string renamed = torch.WeightNames.ToString() is { Length: > 0 } renames ? $" (its tensors renamed by executor.weights_map: {renames})" : "";
                throw new ConfigException($"{experiment.SourcePath}: executor.weights: {torch.Weights}{renamed} is not a weights file for {torch.Model} ({torch.Scale.Name}): {e.Message}", e);
            }
            // Read before anything is written: a damaged or empty split is one line now, not a failed run later.
            if (torch.Dataset is not null && ScoringSamples.Get(torch.Dataset).Count == 0)
            {
                throw new ConfigException($"{experiment.SourcePath}: executor.dataset: the {torch.Dataset.Split} split of {torch.Dataset.Folder} is empty; build the dataset with more --utterances");
            }
        }
    }

    /// <param name="directory">An existing, empty folder the results are written into.</param>
    /// <param name="completed">Called after each run, from any thread.</param>
    /// <param name="parallelism">Runs at once; null: one per core.</param>
    public static IReadOnlyList<RunOutcome> Run(ExperimentConfig experiment, string directory, Action<RunOutcome>? completed = null, int? parallelism = null) =>
        Run(Study.Of(experiment), directory, completed, parallelism);

    /// <inheritdoc cref="Run(ExperimentConfig, string, Action{RunOutcome}?, int?)"/>
    public static IReadOnlyList<RunOutcome> Run(Study study, string directory, Action<RunOutcome>? completed = null, int? parallelism = null)
    {
        string File(string name) => Path.Combine(directory, name);
        Func<RunSpec, IRunRecorder?>? recorders = study.Points[0].JobRecords
            ? run => new CsvRunRecorder(run, study.ConfigOf(run).Profile, study.SweptKeys, File(ResultsWriter.JobsPart(run.Index)), File(ResultsWriter.DecisionsPart(run.Index)))
            : null;
        IReadOnlyList<RunOutcome> outcomes = ExperimentRunner.Run(study, recorders, completed, parallelism);
        RunOutcome? broken = outcomes.FirstOrDefault(o => !o.Result.Summary.ConservationHolds);
        if (broken is not null)
        {
            throw new InvalidOperationException($"run {broken.Run.Label} lost jobs: submitted != met + late + dropped + queued");
        }
        ResultsWriter.Write(directory, study, outcomes);
        return outcomes;
    }
}
