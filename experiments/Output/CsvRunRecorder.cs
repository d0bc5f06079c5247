using CsvHelper;
using Mosel.Experiments.Configuration;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Output;

/// <summary>Streams one run's per-job and per-decision records to part files (joined in run order at the end, under the schemas' headers).</summary>
public sealed class CsvRunRecorder : IRunRecorder, IDisposable
{
    private readonly CsvWriter _jobs;
    private readonly CsvWriter _decisions;
    private readonly RunSpec _run;
    private readonly ModelProfile _profile;

    public CsvRunRecorder(RunSpec run, ModelProfile profile, string jobsPath, string decisionsPath)
    {
        _run = run;
        _profile = profile;
        _jobs = CsvFiles.Create(jobsPath);
        _decisions = CsvFiles.Create(decisionsPath);
    }

    public void Job(in JobRecord record) => ResultSchemas.Jobs.Write(_jobs, new JobRow(_run, _profile, record));

    public void Decision(in DecisionRecord record) => ResultSchemas.Decisions.Write(_decisions, new DecisionRow(_run, record));

    public void Dispose()
    {
        _jobs.Dispose();
        _decisions.Dispose();
    }
}
