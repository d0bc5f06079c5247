namespace Mosel.Experiments.Tests;

/// <summary>Every file under a folder, byte for byte: to assert that a command left what it did not create untouched.</summary>
internal sealed class TreeSnapshot
{
    private readonly string _root;
    private readonly Dictionary<string, byte[]> _files;

    private TreeSnapshot(string root, Dictionary<string, byte[]> files)
    {
        _root = root;
        _files = files;
    }

    public static TreeSnapshot Take(string root) => new(root, Directory.GetFiles(root, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes));

    /// <summary>Every file that was there is still there with the same bytes.</summary>
    public void AssertKept(string because)
    {
        foreach ((string relative, byte[] bytes) in _files)
        {
            string path = Path.Combine(_root, relative);
            Assert.True(File.Exists(path), $"{because}: {relative} was deleted");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{because}: {relative} was changed");
        }
    }

    /// <summary>Nothing was created either: the tree is exactly as it was.</summary>
    public void AssertUnchanged(string because)
    {
        AssertKept(because);
        string[] now = Directory.GetFileSystemEntries(_root, "*", SearchOption.AllDirectories)
            .Where(p => File.Exists(p)).Select(p => Path.GetRelativePath(_root, p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(_files.Keys.Order(StringComparer.Ordinal).ToArray(), now);
    }
}
