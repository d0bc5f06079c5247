namespace Mosel.Experiments.Safety;

/// <summary>A staging folder or file that is deleted on dispose, and on a signal, unless <see cref="Keep"/> was called after it was moved into place.</summary>
public sealed class StagingLease : IDisposable
{
    private bool _kept;

    public StagingLease(string path)
    {
        Path = path;
        Interrupts.Track(path);
    }

    public string Path { get; }

    /// <summary>The staged output was moved to <paramref name="finalPath"/>: a signal from now on says it is there.</summary>
    public void Keep(string finalPath)
    {
        _kept = true;
        Interrupts.Release(Path);
        Interrupts.Committed(finalPath);
    }

    public void Dispose()
    {
        if (!_kept)
        {
            Staging.Delete(Path);
            Interrupts.Release(Path);
        }
    }
}
