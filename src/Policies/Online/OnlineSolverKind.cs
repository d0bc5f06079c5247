namespace Mosel.Policies.Online;

/// <summary>Which exact solver MOSEL's online stage uses: the multiple-choice knapsack DP or OR-Tools' CP-SAT.</summary>
public enum OnlineSolverKind
{
    Exact,
    OrTools,
}
