using System.Globalization;
using Mosel.Experiments.Safety;

namespace Mosel.Experiments.Output;

/// <summary>
/// A results folder that appears only when complete. Files go into a staging folder next to the target
/// (<c>TARGET.partial-PID</c>); <see cref="Commit"/> swaps it in. An existing target is replaced only when
/// Mosel created it (it carries <see cref="OutputTarget.MarkerFile"/>); anything else is refused before
/// a file is written. The staging folder is deleted on failure, on dispose and on SIGINT/SIGTERM/SIGHUP.
/// </summary>
public sealed class ResultsFolder : IDisposable
{
    private readonly StagingLease _staging;

    public ResultsFolder(string path)
    {
        FinalPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        OutputTarget.CheckFolder(FinalPath);
        Staging.RemoveStaleFolders(FinalPath);
        _staging = new StagingLease(Staging.PathFor(FinalPath));
        RunId = $"{DateTime.UtcNow:yyyyMMddTHHmmssZ}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            if (Directory.Exists(StagingPath))
            {
                Staging.Delete(StagingPath);
            }
            Directory.CreateDirectory(StagingPath);
            System.IO.File.WriteAllText(Path.Combine(StagingPath, OutputTarget.MarkerFile),
                string.Create(CultureInfo.InvariantCulture, $"Written by Mosel; Mosel replaces this folder on a later run with the same --out.\nrun_id: {RunId}\n"));
        }
        catch
        {
            _staging.Dispose();
            throw;
        }
    }

    public string FinalPath { get; }

    public string StagingPath => _staging.Path;

    /// <summary>Identifies this run's results (kept in the marker file).</summary>
    public string RunId { get; }

    public string File(string name) => Path.Combine(StagingPath, name);

    /// <summary>Moves the complete results into place; an earlier Mosel results folder there is replaced.</summary>
    public void Commit()
    {
        OutputTarget.CheckFolder(FinalPath);
        if (Directory.Exists(FinalPath))
        {
            string previous = FinalPath + ".replaced-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            Directory.Move(FinalPath, previous);
            try
            {
                Directory.Move(StagingPath, FinalPath);
            }
            catch (IOException)
            {
                Directory.Move(previous, FinalPath);
                throw;
            }
            Staging.Delete(previous);
        }
        else
        {
            Directory.Move(StagingPath, FinalPath);
        }
        _staging.Keep();
    }

    public void Dispose() => _staging.Dispose();
}
