namespace Mosel.Experiments.Reproduction;

/// <summary>The names the paper's figures give the policies.</summary>
public static class PolicyLabels
{
    public static string For(string policy) => policy switch
    {
        "none" => "all modalities (fp32)",
        "fp16" => "all modalities (fp16)",
        "dynamic" => "MOSEL (fp32)",
        "dynamic+fp16" => "MOSEL (fp16)",
        _ => policy,
    };
}
