using Mosel.Experiments.Configuration;
using Mosel.Sim.Metrics;

namespace Mosel.Experiments.Output;

/// <summary>A metrics window of one run, as windows.csv writes it.</summary>
public readonly record struct WindowRow(RunSpec Run, WindowStats Window);
