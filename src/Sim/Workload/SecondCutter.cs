namespace Mosel.Sim.Workload;

/// <summary>
/// Cuts each second's request rate into jobs: a whole number of requests per second (error diffusion, so the total
/// matches the rates), then job sizes from the distribution until the second's total is reached, the last job trimmed
/// to what is left — the reference producer's rule, shared by trace replay and fixed-rate arrivals.
/// </summary>
internal sealed class SecondCutter(JobSizeDistribution sizes, Random random)
{
    private double _carry;

    /// <summary>Fills <paramref name="jobSizes"/> with the jobs of a second offered <paramref name="rate"/> requests; returns the second's requests.</summary>
    public int Cut(double rate, List<int> jobSizes)
    {
        jobSizes.Clear();
        double wanted = rate + _carry;
        int requests = (int)Math.Floor(wanted + 1e-9);
        _carry = wanted - requests;
        int left = requests;
        while (left > 0)
        {
            int size = Math.Min(sizes.Sample(random), left);
            jobSizes.Add(size);
            left -= size;
        }
        return requests;
    }

    public static void CheckRates(double[] ratesPerSecond)
    {
        foreach (double rate in ratesPerSecond)
        {
            if (!double.IsFinite(rate) || rate < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ratesPerSecond), rate, "rates must be finite and non-negative");
            }
        }
    }
}
