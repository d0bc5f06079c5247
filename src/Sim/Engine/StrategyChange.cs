using Mosel.Sim.Model;

namespace Mosel.Sim.Engine;

/// <summary>A queued job moved to another strategy by a policy decision.</summary>
public readonly record struct StrategyChange(Job Job, Strategy Strategy);
