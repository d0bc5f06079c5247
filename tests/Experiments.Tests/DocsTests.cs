using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using Mosel.Experiments.Configuration;
using Mosel.Experiments.Running;
using Mosel.Experiments.Sessions;

namespace Mosel.Experiments.Tests;

/// <summary>
/// The README's commands and the docs' examples stay true: every <c>./mosel</c> line of a shell block parses against the
/// real command line and names files that exist, every complete config shown loads, and the README's default experiment
/// runs.
/// </summary>
public sealed partial class DocsTests
{
    private static readonly string[] s_pages = [Repo.PathOf("README.md"), .. Directory.GetFiles(Repo.PathOf("docs"), "*.md").Order()];

    /// <summary>Every <c>./mosel</c> command in a bash block of a page, continuation lines joined, comments dropped.</summary>
    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (string page in s_pages)
        {
            foreach (Match block in FencedBlock().Matches(File.ReadAllText(page)).Where(m => m.Groups[1].Value == "bash"))
            {
                string joined = block.Groups[2].Value.Replace("\\\n", " ", StringComparison.Ordinal);
                foreach (string line in joined.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("./mosel ", StringComparison.Ordinal)))
                {
                    data.Add(Path.GetFileName(page), line);
                }
            }
        }
        return data;
    }

    [Fact]
    public void ThePagesShowCommands() => Assert.True(Commands().Count >= 30, $"only {Commands().Count} commands found");

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandParsesAndNamesFilesThatExist(string page, string line)
    {
        string[] words = Words(line);
        ParseResult parse = MoselCli.Build().Parse(words[1..]);
        Assert.True(parse.Errors.Count == 0, $"{page}: '{line}': {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        // A shipped file the command names (a config, a profile) must be there; paths of the reader's own files are examples.
        foreach (string word in words.Where(w => w.StartsWith("experiments/", StringComparison.Ordinal) || w.StartsWith("profiles/", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Repo.PathOf(word)), $"{page}: '{line}' names {word}, which is not in the repository");
        }
    }

    [Fact]
    public void EveryCompleteConfigShownLoads()
    {
        using var scratch = new Scratch();
        int loaded = 0;
        foreach (string page in s_pages)
        {
            foreach (Match block in FencedBlock().Matches(File.ReadAllText(page)).Where(m => m.Groups[1].Value == "yaml"))
            {
                string yaml = block.Groups[2].Value;
                if (!yaml.Contains("profile:", StringComparison.Ordinal) || !yaml.Contains("policies:", StringComparison.Ordinal))
                {
                    continue;
                }
                // The examples are written from experiments/configs (or a folder below it): their inputs, from anywhere.
                string config = scratch.File($"example-{loaded}.yaml", RelativeInput().Replace(yaml, m => Repo.PathOf(m.Groups[1].Value) + "/"));
                Study study = ConfigLoader.LoadStudy(config);
                ExperimentSession.Resolve(study, RunBudget.Default);
                loaded++;
            }
        }
        Assert.True(loaded >= 2, $"only {loaded} complete configs found in the docs");
    }

    [Fact]
    public void TheReadmesDefaultExperimentRuns()
    {
        string readme = File.ReadAllText(Repo.PathOf("README.md"));
        string line = FencedBlock().Matches(readme).First(m => m.Groups[1].Value == "bash").Groups[2].Value.Split('\n')[0];
        string[] words = Words(line);
        Assert.Equal(["./mosel", "simulate", "--config", "experiments/configs/smoke.yaml"], words);
        using var scratch = new Scratch();
        (int code, string output, string error) = CliRunner.Run("simulate", "--config", Repo.PathOf(words[3]), "--out", scratch.Combine("smoke"));
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("dynamic+fp16", output, StringComparison.Ordinal);
    }

    /// <summary>A command line's words as bash would split them (quotes kept together), up to a comment.</summary>
    private static string[] Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char quote = '\0';
        bool inWord = false;
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
                continue;
            }
            if (c is '\'' or '"')
            {
                (quote, inWord) = (c, true);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return [.. words];
    }

    [GeneratedRegex(@"```(\w*)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"(?:\.\./)+((?:profiles|traces))/")]
    private static partial Regex RelativeInput();
}
