namespace Mosel.Experiments.Safety;

/// <summary>Finds files shipped in the repository (traces, profiles, configs) from wherever mosel runs.</summary>
public static class RepoPaths
{
    public static string Root()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Mosel.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("cannot find the Mosel repository (Mosel.sln) above the current folder; pass explicit paths");
    }

    public static string Resolve(string relative) => Path.Combine(Root(), relative);
}
