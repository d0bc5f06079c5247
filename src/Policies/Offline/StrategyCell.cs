using Mosel.Sim.Model;

namespace Mosel.Policies.Offline;

/// <summary>One cell of the exported matrix: the optimum for (size, target), or null when infeasible.</summary>
public sealed record StrategyCell(int Size, double Target, Strategy? Strategy);
