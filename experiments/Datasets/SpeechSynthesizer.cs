using System.Diagnostics;
using System.Runtime.InteropServices;
using Mosel.Executor.Native;
using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Datasets;

/// <summary>
/// Spoken words from Debian's espeak-ng, resampled by sox to 8 kHz mono with the silence before and after the word
/// trimmed and the peak normalised. Both programs run without a shell; their output is deterministic for a given
/// package version, so a dataset build is repeatable on one machine.
/// </summary>
public static class SpeechSynthesizer
{
    public const int SampleRate = 8000;

    /// <summary>The programs the build needs and the Debian packages that provide them.</summary>
    public static IReadOnlyList<(string Program, string Package)> Tools { get; } = [("espeak-ng", "espeak-ng"), ("sox", "sox")];

    /// <summary>The first needed program not on PATH, or null when all are there.</summary>
    public static (string Program, string Package)? Missing()
    {
        foreach ((string Program, string Package) tool in Tools)
        {
            if (FindOnPath(tool.Program) is null)
            {
                return tool;
            }
        }
        return null;
    }

    /// <summary>Throws, naming the Debian package, when a needed program is not installed.</summary>
    public static void RequireTools()
    {
        if (Missing() is { } missing)
        {
            throw new EnvironmentException($"{missing.Program} is not installed (Debian package {missing.Package}); `mosel doctor` lists what the dataset build needs");
        }
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    /// <summary>The first line of what <c>program --version</c> prints (for the dataset's provenance); empty when it fails.</summary>
    public static string Version(string program) =>
        CommandOutput.Read(program, ["--version"]).Output?.Split('\n')[0].Trim() ?? "";

    /// <summary>The word spoken by the voice, as 8 kHz samples in [-1, 1] (see <see cref="RequireTools"/>).</summary>
    public static float[] Speak(string word, SpeechVoice voice)
    {
        using Process espeak = Start("espeak-ng", ["-v", voice.Voice, "-s", voice.WordsPerMinute.ToString(), "-p", voice.Pitch.ToString(), "--stdout", word]);
        using Process sox = Start("sox", ["-t", "wav", "-", "-t", "raw", "-r", SampleRate.ToString(), "-e", "floating-point", "-b", "32", "-c", "1", "-",
            "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse", "norm", "-1"], input: true);
        // A thread of its own carries the sound from one program to the other: the builder calls this from parallel loops,
        // which hold the thread pool's threads, and a pool task here waited up to a second for a thread to run on.
        var pipe = new Thread(() =>
        {
            espeak.StandardOutput.BaseStream.CopyTo(sox.StandardInput.BaseStream);
            sox.StandardInput.Close();
        });
        pipe.Start();
        using var output = new MemoryStream();
        sox.StandardOutput.BaseStream.CopyTo(output);
        pipe.Join();
        // Both programs write at most a line or two of errors, well within a pipe's buffer: read once they are done.
        string espeakErrors = espeak.StandardError.ReadToEnd();
        string soxErrors = sox.StandardError.ReadToEnd();
        espeak.WaitForExit();
        sox.WaitForExit();
        if (espeak.ExitCode != 0 || sox.ExitCode != 0)
        {
            string errors = (espeakErrors + " " + soxErrors).ReplaceLineEndings(" ").Trim();
            throw new EnvironmentException($"speaking '{word}' with espeak-ng voice {voice.Voice} failed (espeak-ng exit {espeak.ExitCode}, sox exit {sox.ExitCode}): {errors}");
        }
        float[] samples = MemoryMarshal.Cast<byte, float>(output.GetBuffer().AsSpan(0, (int)output.Length)).ToArray();
        if (samples.Length == 0)
        {
            throw new EnvironmentException($"speaking '{word}' with espeak-ng voice {voice.Voice} gave no sound");
        }
        return samples;
    }

    private static Process Start(string program, IEnumerable<string> arguments, bool input = false)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return Process.Start(info) ?? throw new EnvironmentException($"{program} could not be started");
    }
}
