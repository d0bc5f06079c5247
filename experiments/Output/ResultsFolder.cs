namespace Mosel.Experiments.Output;

/// <summary>
/// A results folder that appears only when complete: files are written into a staging folder next to
/// it, which replaces the target on <see cref="Commit"/> and is deleted if the run fails.
/// </summary>
public sealed class ResultsFolder : IDisposable
{
    private bool _committed;

    public ResultsFolder(string path)
    {
        FinalPath = Path.GetFullPath(path);
        StagingPath = FinalPath.TrimEnd(Path.DirectorySeparatorChar) + $".partial-{Environment.ProcessId}";
        if (Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
        Directory.CreateDirectory(StagingPath);
    }

    public string FinalPath { get; }

    public string StagingPath { get; }

    public string File(string name) => Path.Combine(StagingPath, name);

    public void Commit()
    {
        if (Directory.Exists(FinalPath))
        {
            Directory.Delete(FinalPath, recursive: true);
        }
        Directory.Move(StagingPath, FinalPath);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
    }
}
