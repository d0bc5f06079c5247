using Mosel.Policies;
using Mosel.Sim.Profiles;

namespace Mosel.Experiments.Output;

/// <summary>The names the figures give the policies: the paper's for its own, the peers' papers' for theirs.</summary>
public static class PolicyLabels
{
    public static string For(string policy)
    {
        switch (policy)
        {
            case "none":
                return "all modalities (fp32)";
            case "fp16":
                return "all modalities (fp16)";
        }
        if (!PolicyCatalog.IsKnown(policy))
        {
            return policy;
        }
        PolicyEntry entry = PolicyCatalog.Entry(policy);
        string name = entry.Family switch
        {
            PolicyFamily.Mosel => policy.StartsWith("dynamic", StringComparison.Ordinal) ? "MOSEL" : $"MOSEL {policy.Split('+')[0]}",
            PolicyFamily.Static => $"{entry.Configuration} only",
            PolicyFamily.SlackFit => "SlackFit",
            PolicyFamily.Infaas => "INFaaS",
            PolicyFamily.Proteus => "Proteus",
            _ => "random drop",
        };
        return $"{name} ({entry.Precision.ToName()})";
    }
}
