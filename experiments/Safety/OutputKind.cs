using Mosel.Experiments.Formats;

namespace Mosel.Experiments.Safety;

/// <summary>
/// Which command wrote a results folder. A folder is replaced only by a command of the kind that made it, so no command
/// replaces another's data (a report never replaces simulation results, a simulation never replaces a dataset).
/// </summary>
public enum OutputKind
{
    /// <summary><c>mosel simulate</c> and <c>mosel merge</c>: a study's results.</summary>
    Simulation,

    /// <summary><c>mosel report</c>.</summary>
    Report,

    /// <summary><c>mosel reproduce</c>.</summary>
    Reproduction,

    /// <summary><c>mosel fidelity</c>.</summary>
    Fidelity,

    /// <summary><c>mosel dataset build</c>.</summary>
    Dataset,
}

/// <summary>How an <see cref="OutputKind"/> is written in a folder's marker and named in messages.</summary>
public static class OutputKinds
{
    /// <summary>The word in the marker's <c>kind:</c> line.</summary>
    public static string Word(this OutputKind kind) => kind switch
    {
        OutputKind.Simulation => "simulation",
        OutputKind.Report => "report",
        OutputKind.Reproduction => "reproduction",
        OutputKind.Fidelity => "fidelity",
        _ => "dataset",
    };

    /// <summary>What a folder of this kind holds, for messages.</summary>
    public static string Describe(this OutputKind kind) => kind switch
    {
        OutputKind.Simulation => "simulation results (mosel simulate or merge)",
        OutputKind.Report => "a report (mosel report)",
        OutputKind.Reproduction => "a reproduction (mosel reproduce)",
        OutputKind.Fidelity => "a fidelity comparison (mosel fidelity)",
        _ => "a dataset (mosel dataset build)",
    };

    public static OutputKind? Parse(string word) => Enum.GetValues<OutputKind>().Select(k => (OutputKind?)k).FirstOrDefault(k => k!.Value.Word() == word);

    /// <summary>
    /// The kind of a folder written before markers named it, told by the file only that command writes at the top
    /// (checked in this order: a reproduction's folders hold simulation results of their own below the top). Reproductions
    /// written before markers held report.md alone; those written since also hold report.html, and carry a marker.
    /// </summary>
    public static OutputKind? FromContents(string folder) =>
        File.Exists(Path.Combine(folder, "fidelity.csv")) ? OutputKind.Fidelity
        : File.Exists(Path.Combine(folder, "datasheet.md")) ? OutputKind.Dataset
        : File.Exists(Path.Combine(folder, ResultFiles.ReportHtml)) ? OutputKind.Report
        : File.Exists(Path.Combine(folder, ResultFiles.ReportMarkdown)) ? OutputKind.Reproduction
        : File.Exists(Path.Combine(folder, ResultFiles.Summary)) ? OutputKind.Simulation
        : null;
}
