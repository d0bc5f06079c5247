namespace Mosel.Sim.Engine;

/// <summary>
/// The engine's calls a policy answers with something other than "unchanged". The engine skips the others, and the
/// snapshot and clock reading that go with them: a run makes one such call per arrival and per dispatch.
/// </summary>
[Flags]
public enum PolicyHooks
{
    None = 0,
    Arrival = 1,
    Dispatch = 2,
    Tick = 4,
    All = Arrival | Dispatch | Tick,
}
