using Mosel.Experiments.Configuration;
using Mosel.Sim.Metrics;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Output;

/// <summary>A job of one run, as jobs.csv writes it.</summary>
public readonly record struct JobRow(RunSpec Run, ModelProfile Profile, JobRecord Job);
