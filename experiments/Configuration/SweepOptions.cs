namespace Mosel.Experiments.Configuration;

/// <summary>
/// <c>sweep:</c> — config keys (dotted, as <c>--set</c> names them) run over lists of values. Every combination of the
/// <c>grid</c> keys' values is one point; the <c>zip</c> keys' lists are read in step (their i-th values go together)
/// and crossed with the grid. Each point is the config with its values set, run over its policies, loads and seeds.
/// </summary>
public sealed record SweepOptions
{
    public Dictionary<string, string[]>? Grid { get; init; }

    public Dictionary<string, string[]>? Zip { get; init; }
}
