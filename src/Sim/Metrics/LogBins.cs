namespace Mosel.Sim.Metrics;

/// <summary>
/// The bins of <see cref="LogHistogram"/>: value v (at least 1 µs) falls in bin min(Last, trunc(ln(v / 1 µs) / ln 1.001)).
/// <see cref="Of"/> gives exactly that bin without a logarithm: a value's bits (exponent and top ten mantissa bits, a
/// cell narrower than a bin) give the bin of the cell's lowest value, and each bin's lowest value, found by evaluating
/// the rule itself, says whether the value lies past it. Both are worked out per power of two, the first time a value
/// falls there: a run's values span a few of the 37, and working out all of them took about 27 ms of every process's start.
/// </summary>
internal static class LogBins
{
    public const double Smallest = 1e-6;
    public const double Largest = 1e5;

    // A cell is one exponent and the top ten mantissa bits: about 0.05-0.1 % wide, so it holds at most two bins' edges.
    private const int CellShift = 42;
    private const int ExponentShift = 52;
    private static readonly double s_logGrowth = Math.Log(1.001);
    private static readonly long s_firstCell = BitConverter.DoubleToInt64Bits(Smallest) >> CellShift;
    private static readonly long s_firstExponent = BitConverter.DoubleToInt64Bits(Smallest) >> ExponentShift;

    /// <summary>The number of bins; the last also holds everything above <see cref="Largest"/>.</summary>
    public static readonly int Count = (int)Math.Ceiling(Math.Log(Largest / Smallest) / s_logGrowth) + 2;

    // Values at or above s_top are in the last bin. s_edges[k]: the smallest double whose bin by the rule is at least k,
    // NaN until its power of two is worked out. s_start[c]: the bin of cell c's lowest value (c counted from Smallest's cell).
    private static readonly double s_top = Edge(Count - 1);
    private static readonly double[] s_edges = NotYet(Count);
    private static readonly int[] s_start = new int[(int)((BitConverter.DoubleToInt64Bits(s_top) >> CellShift) - s_firstCell) + 1];
    private static readonly bool[] s_ready = new bool[(int)((BitConverter.DoubleToInt64Bits(s_top) >> ExponentShift) - s_firstExponent) + 1];
    private static readonly Lock s_gate = new();

    /// <summary>A bin's geometric centre.</summary>
    public static double Centre(int bin) => Smallest * Math.Exp((bin + 0.5) * s_logGrowth);

    /// <summary>The bin by the rule, computed with a logarithm: the definition <see cref="Of"/> must match.</summary>
    public static int ByRule(double value) => Math.Min(Count - 1, (int)(Math.Log(value / Smallest) / s_logGrowth));

    /// <summary>The bin of a value of at least <see cref="Smallest"/>, equal to <see cref="ByRule"/>.</summary>
    public static int Of(double value)
    {
        if (value >= s_top)
        {
            return Count - 1;
        }
        long bits = BitConverter.DoubleToInt64Bits(value);
        int power = (int)((bits >> ExponentShift) - s_firstExponent);
        if (!Volatile.Read(ref s_ready[power]))
        {
            WorkOut(power);
        }
        int bin = s_start[(int)((bits >> CellShift) - s_firstCell)];
        while (value >= s_edges[bin + 1])
        {
            bin++;
        }
        return bin;
    }

    /// <summary>
    /// The cells of one power of two (counted from Smallest's) and the lowest values of their bins and of the bin after
    /// the last, which the lookup compares against. Runs on several threads at once fill it once, under a lock; the flag
    /// is set after the tables, so a reader that sees it sees them.
    /// </summary>
    private static void WorkOut(int power)
    {
        lock (s_gate)
        {
            if (s_ready[power])
            {
                return;
            }
            long exponent = s_firstExponent + power;
            int firstCell = (int)Math.Max(0, (exponent << (ExponentShift - CellShift)) - s_firstCell);
            int endCell = (int)Math.Min(s_start.Length, ((exponent + 1) << (ExponentShift - CellShift)) - s_firstCell);
            for (int c = firstCell; c < endCell; c++)
            {
                s_start[c] = ByRule(Math.Max(Smallest, BitConverter.Int64BitsToDouble((s_firstCell + c) << CellShift)));
            }
            int lastBin = Math.Min(Count - 1, ByRule(BitConverter.Int64BitsToDouble((exponent + 1) << ExponentShift)) + 1);
            for (int k = s_start[firstCell] + 1; k <= lastBin; k++)
            {
                if (double.IsNaN(s_edges[k]))
                {
                    s_edges[k] = Edge(k);
                }
            }
            Volatile.Write(ref s_ready[power], true);
        }
    }

    /// <summary>The smallest double whose bin by the rule is at least <paramref name="bin"/> (the rule never decreases).</summary>
    private static double Edge(int bin)
    {
        // Near it by the closed form, then a ULP at a time to where the rule itself turns to the bin.
        double x = Smallest * Math.Exp(bin * s_logGrowth);
        while (ByRule(Math.BitDecrement(x)) >= bin)
        {
            x = Math.BitDecrement(x);
        }
        while (ByRule(x) < bin)
        {
            x = Math.BitIncrement(x);
        }
        return x;
    }

    private static double[] NotYet(int count)
    {
        double[] edges = new double[count];
        Array.Fill(edges, double.NaN);
        return edges;
    }
}
