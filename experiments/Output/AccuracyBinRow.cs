using Mosel.Experiments.Configuration;

namespace Mosel.Experiments.Output;

/// <summary>One accuracy bin with requests in it, of one run, as accuracy_hist.csv writes it.</summary>
public readonly record struct AccuracyBinRow(RunSpec Run, int Bin, long Requests);
