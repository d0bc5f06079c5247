using Mosel.Experiments.Formats;

namespace Mosel.Experiments.Reporting;

/// <summary>
/// One way a report's points differ — the study, the policy, the load or a swept key — by the name its options use
/// (<see cref="Key"/>), a short name for legends and titles, and each point's value of it.
/// </summary>
public sealed record ReportDimension(string Key, string Label, Func<ReportPoint, string> Value)
{
    /// <summary>How a value reads in a legend or title: the policy's and the study's by themselves, others as "label = value".</summary>
    public string Describe(string value) => Key is ResultColumns.Policy or "study" ? value : $"{Label} = {value}";
}
