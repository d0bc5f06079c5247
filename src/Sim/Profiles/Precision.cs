namespace Mosel.Sim.Profiles;

public enum Precision
{
    Fp32,
    Fp16,
}
