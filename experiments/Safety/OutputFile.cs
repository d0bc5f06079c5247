namespace Mosel.Experiments.Safety;

/// <summary>
/// One output file written atomically: content goes to <c>TARGET.partial-PID</c> and is renamed over the
/// target on <see cref="Commit"/>. An existing target is replaced only when its first line is Mosel's
/// <c>signature</c>; the staging file is deleted on failure, on dispose and on a signal.
/// </summary>
public sealed class OutputFile : IDisposable
{
    private bool _committed;

    public OutputFile(string path, string signature)
    {
        FinalPath = Path.GetFullPath(path);
        OutputTarget.CheckFile(FinalPath, signature);
        Staging.RemoveStaleFiles(FinalPath, signature);
        StagingPath = Staging.PathFor(FinalPath);
        Interrupts.Track(StagingPath);
        string? folder = Path.GetDirectoryName(FinalPath);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }

    public string FinalPath { get; }

    /// <summary>Where the content is written before <see cref="Commit"/>.</summary>
    public string StagingPath { get; }

    public void Commit()
    {
        File.Move(StagingPath, FinalPath, overwrite: true);
        _committed = true;
        Interrupts.Release(StagingPath);
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Staging.Delete(StagingPath);
            Interrupts.Release(StagingPath);
        }
    }
}
