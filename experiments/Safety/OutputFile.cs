namespace Mosel.Experiments.Safety;

/// <summary>
/// One output file written atomically: content goes to <c>TARGET.partial-PID</c> and is renamed over the
/// target on <see cref="Commit"/>. An existing target is replaced only when its first line is Mosel's
/// <c>signature</c>; the staging file is deleted on failure, on dispose and on a signal.
/// </summary>
public sealed class OutputFile : IDisposable
{
    private readonly StagingLease _staging;

    public OutputFile(string path, string signature)
    {
        FinalPath = Path.GetFullPath(path);
        OutputTarget.CheckFile(FinalPath, signature);
        Staging.RemoveStaleFiles(FinalPath, signature);
        _staging = new StagingLease(Staging.PathFor(FinalPath));
        string? folder = Path.GetDirectoryName(FinalPath);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }

    public string FinalPath { get; }

    /// <summary>Where the content is written before <see cref="Commit"/>.</summary>
    public string StagingPath => _staging.Path;

    public void Commit()
    {
        File.Move(StagingPath, FinalPath, overwrite: true);
        _staging.Keep(FinalPath);
    }

    public void Dispose() => _staging.Dispose();
}
