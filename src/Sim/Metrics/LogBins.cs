namespace Mosel.Sim.Metrics;

/// <summary>
/// The bins of <see cref="LogHistogram"/>: value v (at least 1 µs) falls in bin min(Last, trunc(ln(v / 1 µs) / ln 1.001)).
/// <see cref="Of"/> gives exactly that bin without a logarithm: each bin's lowest value is found once per process by
/// evaluating the rule itself, and a value's bits (exponent and top ten mantissa bits, a cell narrower than a bin)
/// say where to start looking, at most a step or two below its bin.
/// </summary>
internal static class LogBins
{
    public const double Smallest = 1e-6;
    public const double Largest = 1e5;

    // A cell is one exponent and the top ten mantissa bits: about 0.05-0.1 % wide, so it holds at most two bins' edges.
    private const int CellShift = 42;
    private static readonly double s_logGrowth = Math.Log(1.001);
    private static readonly long s_firstCell = BitConverter.DoubleToInt64Bits(Smallest) >> CellShift;

    /// <summary>The number of bins; the last also holds everything above <see cref="Largest"/>.</summary>
    public static readonly int Count = (int)Math.Ceiling(Math.Log(Largest / Smallest) / s_logGrowth) + 2;

    // _edges[k]: the smallest double whose bin by the rule is at least k (_edges[0] = Smallest). _start[c]: the bin of
    // cell c's smallest value. Values at or above _top are in the last bin.
    private static readonly double[] s_edges = Edges();
    private static readonly double s_top = s_edges[Count - 1];
    private static readonly int[] s_start = Starts();

    /// <summary>The bin by the rule, computed with a logarithm: the definition <see cref="Of"/> must match.</summary>
    public static int ByRule(double value) => Math.Min(Count - 1, (int)(Math.Log(value / Smallest) / s_logGrowth));

    /// <summary>The bin of a value of at least <see cref="Smallest"/>, equal to <see cref="ByRule"/>.</summary>
    public static int Of(double value)
    {
        if (value >= s_top)
        {
            return Count - 1;
        }
        int bin = s_start[(int)((BitConverter.DoubleToInt64Bits(value) >> CellShift) - s_firstCell)];
        while (value >= s_edges[bin + 1])
        {
            bin++;
        }
        return bin;
    }

    private static double[] Edges()
    {
        var edges = new double[Count];
        edges[0] = Smallest;
        for (int k = 1; k < Count; k++)
        {
            // Near the edge from the closed form, then step a ULP at a time to where the rule itself turns to k.
            double x = Math.Max(edges[k - 1], Smallest * Math.Exp(k * s_logGrowth));
            while (x > edges[k - 1] && ByRule(Math.BitDecrement(x)) >= k)
            {
                x = Math.BitDecrement(x);
            }
            while (ByRule(x) < k)
            {
                x = Math.BitIncrement(x);
            }
            edges[k] = x;
        }
        return edges;
    }

    private static int[] Starts()
    {
        int cells = (int)((BitConverter.DoubleToInt64Bits(s_top) >> CellShift) - s_firstCell) + 1;
        var start = new int[cells];
        int bin = 0;
        for (int c = 0; c < cells; c++)
        {
            double lowest = BitConverter.Int64BitsToDouble((s_firstCell + c) << CellShift);
            while (bin + 1 < Count && lowest >= s_edges[bin + 1])
            {
                bin++;
            }
            start[c] = bin;
        }
        return start;
    }
}
