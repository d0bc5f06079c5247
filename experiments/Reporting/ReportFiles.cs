namespace Mosel.Experiments.Reporting;

/// <summary>Writes a report document in both formats into a (staging) report folder whose figures/ it links.</summary>
public static class ReportFiles
{
    /// <summary>The files written, as a message names them.</summary>
    public static string Names => $"{HtmlReport.File} and {MarkdownReport.File}";

    public static void Write(string folder, ReportDocument document)
    {
        HtmlReport.Write(folder, document);
        MarkdownReport.Write(folder, document);
    }
}
