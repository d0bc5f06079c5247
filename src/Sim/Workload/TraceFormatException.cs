namespace Mosel.Sim.Workload;

/// <summary>A trace that cannot be read; the message starts with <c>file:line:</c>.</summary>
public sealed class TraceFormatException : Exception
{
    public TraceFormatException(string file, int line, string message)
        : base(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}")
    {
        File = file;
        Line = line;
    }

    public string File { get; }

    public int Line { get; }
}
