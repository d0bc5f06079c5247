namespace Mosel.Policies.Peers;

/// <summary>
/// Proteus's planning step for one worker pool, as a linear program: choose shares x_c of the requests per configuration,
/// sum x_c = 1, x_c &gt;= 0, so that rate x sum_c x_c t_c &lt;= capacity (t_c: a request's service time with configuration c),
/// maximising the mean accuracy sum_c x_c a_c. With one resource row an optimal vertex uses one configuration or two
/// whose times straddle the budget capacity / rate, so enumerating those vertices solves it exactly.
/// </summary>
public static class ConfigurationMix
{
    /// <returns>
    /// The shares per configuration. When even the fastest configuration alone exceeds the capacity, every request goes to
    /// it (the most the pool can serve); with no load, to the most accurate.
    /// </returns>
    public static double[] Solve(IReadOnlyList<double> accuracy, IReadOnlyList<double> secondsPerRequest, double ratePerSecond, double capacity)
    {
        int count = accuracy.Count;
        if (count == 0 || secondsPerRequest.Count != count)
        {
            throw new ArgumentException("one accuracy and one service time per configuration, at least one configuration");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        double budget = ratePerSecond == 0 ? double.PositiveInfinity : capacity / ratePerSecond;
        var shares = new double[count];
        double best = double.NegativeInfinity;
        int first = -1;
        int second = -1;
        double firstShare = 0;
        for (int i = 0; i < count; i++)
        {
            if (secondsPerRequest[i] <= budget && accuracy[i] > best)
            {
                (best, first, second, firstShare) = (accuracy[i], i, -1, 1);
            }
        }
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                if (secondsPerRequest[i] < budget && budget < secondsPerRequest[j])
                {
                    double share = (secondsPerRequest[j] - budget) / (secondsPerRequest[j] - secondsPerRequest[i]);
                    double mean = (share * accuracy[i]) + ((1 - share) * accuracy[j]);
                    if (mean > best)
                    {
                        (best, first, second, firstShare) = (mean, i, j, share);
                    }
                }
            }
        }
        if (first < 0)
        {
            (first, firstShare) = (Enumerable.Range(0, count).MinBy(c => secondsPerRequest[c]), 1);
        }
        shares[first] = firstShare;
        if (second >= 0)
        {
            shares[second] = 1 - firstShare;
        }
        return shares;
    }
}
