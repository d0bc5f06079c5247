using Mosel.Sim.Workload;

namespace Mosel.Sim.Tests;

/// <summary>Reads a trace given as text, as if from a file named t.txt (the name every expected message uses).</summary>
internal static class TraceText
{
    public static ArrivalTrace Read(string text, TraceFormat format) => TraceReader.Read(new StringReader(text), "t.txt", format);
}
