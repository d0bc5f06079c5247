using MathNet.Numerics.Distributions;

namespace Mosel.Executor.Training;

/// <summary>A modality configuration's accuracy on a labelled split, with the 95 % Wilson score interval of a binomial proportion.</summary>
public sealed record ConfigurationAccuracy(string Configuration, int Correct, int Samples)
{
    public double Accuracy => (double)Correct / Samples;

    public (double Low, double High) Interval95
    {
        get
        {
            double z = Normal.InvCDF(0, 1, 0.975);
            double p = Accuracy;
            double n = Samples;
            double centre = (p + (z * z / (2 * n))) / (1 + (z * z / n));
            double half = z / (1 + (z * z / n)) * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n)));
            return (centre - half, centre + half);
        }
    }
}
