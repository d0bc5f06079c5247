using CsvHelper;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Formats;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Output;

/// <summary>Streams one run's per-job and per-decision records to part files (joined in run order at the end, under the schemas' headers).</summary>
public sealed class CsvRunRecorder : IRunRecorder, IDisposable
{
    private readonly CsvWriter _jobs;
    private readonly CsvWriter _decisions;
    private readonly CsvSchema<JobRow> _jobSchema;
    private readonly CsvSchema<DecisionRow> _decisionSchema;
    private readonly RunSpec _run;
    private readonly ModelProfile _profile;

    /// <param name="sweptKeys">The study's swept keys: a column each.</param>
    public CsvRunRecorder(RunSpec run, ModelProfile profile, IReadOnlyList<string> sweptKeys, string jobsPath, string decisionsPath)
    {
        _jobSchema = ResultSchemas.Jobs(sweptKeys);
        _decisionSchema = ResultSchemas.Decisions(sweptKeys);
        _run = run;
        _profile = profile;
        _jobs = CsvFiles.Create(jobsPath);
        _decisions = CsvFiles.Create(decisionsPath);
    }

    public void Job(in JobRecord record) => _jobSchema.Write(_jobs, new JobRow(_run, _profile, record));

    public void Decision(in DecisionRecord record) => _decisionSchema.Write(_decisions, new DecisionRow(_run, record));

    public void Dispose()
    {
        _jobs.Dispose();
        _decisions.Dispose();
    }
}
