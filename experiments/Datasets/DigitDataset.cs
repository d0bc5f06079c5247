using System.Text.Json.Nodes;
using Mosel.Executor.Datasets;
using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Datasets;

/// <summary>Reads a folder written by <c>mosel dataset build</c>; anything else is one line naming the folder or file.</summary>
public static class DigitDataset
{
    /// <summary>Checks that <paramref name="folder"/> is a digits dataset; returns its full path.</summary>
    public static string Check(string folder)
    {
        string full = Path.GetFullPath(folder);
        string manifest = Path.Combine(full, DigitDatasetFiles.Manifest);
        if (!File.Exists(manifest))
        {
            throw new ConfigException($"{full}: not a Mosel digits dataset (no {DigitDatasetFiles.Manifest}); build one with `mosel dataset build --out {folder}`");
        }
        string? kind;
        try
        {
            kind = JsonNode.Parse(File.ReadAllText(manifest))?["kind"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            kind = null;
        }
        if (kind != DigitDatasetFiles.Kind)
        {
            throw new ConfigException($"{manifest}: kind: must be '{DigitDatasetFiles.Kind}' (a file written by mosel dataset build)");
        }
        return full;
    }

    public static DigitSplit Load(string folder, string split)
    {
        string path = Path.Combine(Check(folder), DigitDatasetFiles.SplitFile(split));
        try
        {
            return DigitSplitFile.Read(path);
        }
        catch (DatasetException e)
        {
            throw new ConfigException(e.Message, e);
        }
    }
}
