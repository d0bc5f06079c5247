namespace Mosel.Sim.Profiles;

/// <summary>A configuration's accuracy as measured on a labelled set: right answers of samples, and its 95 % interval.</summary>
public sealed record AccuracyCount(int Correct, int Samples, double Low95, double High95)
{
    public double Accuracy => (double)Correct / Samples;
}
