using Mosel.Experiments.Configuration;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Running;

public sealed record RunOutcome(RunSpec Run, RunResult Result, double WallSeconds);
