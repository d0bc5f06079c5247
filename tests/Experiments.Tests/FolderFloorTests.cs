using System.Text.RegularExpressions;

namespace Mosel.Experiments.Tests;

/// <summary>
/// experiments/ is built in floors: a folder may use the folders below it and never one above, so no two folders use each
/// other, however indirectly. A folder uses another when one of its files has <c>using Mosel.Experiments.OTHER</c> or
/// names <c>Mosel.Experiments.OTHER.</c>; the root (the command line's entry) sits above every folder.
/// </summary>
public sealed partial class FolderFloorTests
{
    /// <summary>The floors from the bottom up, as docs/development.md lists them.</summary>
    private static readonly string[] s_floors =
        ["Errors", "Formats", "Safety", "Datasets", "Configuration", "Running", "Output", "Profiling", "Reporting", "Sessions", "Reproduction", "Commands"];

    [Fact]
    public void NoFolderUsesAFolderAboveIt()
    {
        string root = Repo.PathOf("experiments");
        string[] folders = [.. Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj" or "configs"))!];
        Assert.Equal(s_floors.Order(), folders.Order());
        var wrong = new List<string>();
        foreach (string folder in folders)
        {
            foreach (string file in Directory.GetFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                string source = File.ReadAllText(file);
                foreach (string used in Uses().Matches(source).Select(m => m.Groups[1].Value).Distinct())
                {
                    if (used != folder && Array.IndexOf(s_floors, used) > Array.IndexOf(s_floors, folder))
                    {
                        wrong.Add($"{Path.GetRelativePath(root, file)} uses {used}, a floor above {folder}");
                    }
                }
                if (RootTypes().IsMatch(source))
                {
                    wrong.Add($"{Path.GetRelativePath(root, file)} uses the root (MoselCli, Program), which is above every folder");
                }
            }
        }
        Assert.Empty(wrong);
    }

    [GeneratedRegex(@"(?:using\s+Mosel\.Experiments\.|Mosel\.Experiments\.)(\w+)")]
    private static partial Regex Uses();

    [GeneratedRegex(@"\b(?:MoselCli|Program)\.")]
    private static partial Regex RootTypes();
}
