namespace Mosel.Sim.Tests;

/// <summary>Compares doubles within an absolute tolerance, for sequences of times and latencies.</summary>
internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    // Equal values within a tolerance need not hash alike, so every value shares one bucket.
    public int GetHashCode(double obj) => 0;
}
