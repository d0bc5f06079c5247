namespace Mosel.Experiments.Reporting;

/// <summary>A file's text shown as written (a resolved config, provenance): named by <paramref name="Name"/>, collapsed in report.html unless <paramref name="Open"/>.</summary>
/// <param name="Language">The fence's language in report.md (yaml, json).</param>
public sealed record ReportCode(string Name, string Language, string Text, bool Open) : ReportBlock;
