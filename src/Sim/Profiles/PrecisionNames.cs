namespace Mosel.Sim.Profiles;

/// <summary>The names configs and profiles use for each precision (fp32, fp16).</summary>
public static class PrecisionNames
{
    public static string ToName(this Precision precision) => precision == Precision.Fp16 ? "fp16" : "fp32";

    public static bool TryParse(string text, out Precision precision)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "fp32":
                precision = Precision.Fp32;
                return true;
            case "fp16":
                precision = Precision.Fp16;
                return true;
            default:
                precision = Precision.Fp32;
                return false;
        }
    }
}
