namespace Mosel.Policies.Online;

/// <summary>How an online solve ended: a plan within the budget, no plan fits, or the time limit struck first.</summary>
public enum OnlineStatus
{
    Optimal,
    Infeasible,
    TimedOut,
}
