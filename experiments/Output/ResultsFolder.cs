using System.Globalization;
using Mosel.Experiments.Safety;

namespace Mosel.Experiments.Output;

/// <summary>
/// A results folder that appears only when complete. Files go into a staging folder next to the target
/// (<c>TARGET.partial-PID</c>); <see cref="Commit"/> swaps it in. An existing target is replaced only when
/// a command of the same kind created it (it carries <see cref="OutputTarget.MarkerFile"/> naming the kind); anything
/// else is refused before a file is written. The staging folder is deleted on failure, on dispose and on
/// SIGINT/SIGTERM/SIGHUP; an earlier folder being replaced is deleted after the new one is in place, and what a killed
/// process left of it is removed on the next run.
/// </summary>
public sealed class ResultsFolder : IDisposable
{
    private readonly StagingLease _staging;
    private readonly OutputKind _kind;

    public ResultsFolder(string path, OutputKind kind)
    {
        FinalPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        _kind = kind;
        OutputTarget.CheckFolder(FinalPath, kind);
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
                string.Create(CultureInfo.InvariantCulture,
                    $"Written by Mosel; Mosel replaces this folder on a later run of the same command with the same --out.\n{OutputTarget.KindPrefix}{kind.Word()}\nrun_id: {RunId}\n"));
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
        OutputTarget.CheckFolder(FinalPath, _kind);
        if (Directory.Exists(FinalPath))
        {
            string previous = Staging.ReplacedPathFor(FinalPath);
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
            _staging.Keep(FinalPath);
            // From here a signal finishes deleting the earlier folder and says the new one is in place.
            using var old = new StagingLease(previous);
        }
        else
        {
            Directory.Move(StagingPath, FinalPath);
            _staging.Keep(FinalPath);
        }
    }

    public void Dispose() => _staging.Dispose();
}
