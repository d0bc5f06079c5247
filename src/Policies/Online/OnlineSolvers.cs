namespace Mosel.Policies.Online;

/// <summary>The exact online solver the settings name.</summary>
public static class OnlineSolvers
{
    public static IOnlineSolver Create(OnlineSolverSettings settings) => settings.Kind switch
    {
        OnlineSolverKind.OrTools => new CpSatOnlineSolver(settings.ResolutionSeconds, settings.TimeLimitSeconds, settings.DeterministicTimeLimit),
        _ => new KnapsackOnlineSolver(settings.ResolutionSeconds),
    };
}
