namespace Mosel.Policies.Online;

/// <summary>Working arrays the exact solver keeps between decisions: grown (doubling) when a decision needs more, never shrunk.</summary>
internal static class ScratchArray
{
    /// <summary>Makes <paramref name="buffer"/> hold at least <paramref name="length"/> items; its contents are not kept.</summary>
    public static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, buffer.Length * 2)];
        }
    }

    /// <summary>Makes <paramref name="buffer"/> hold at least <paramref name="length"/> items, keeping its first <paramref name="used"/>.</summary>
    public static void GrowKeeping<T>(ref T[] buffer, int used, int length)
    {
        if (buffer.Length < length)
        {
            var grown = new T[Math.Max(length, buffer.Length * 2)];
            Array.Copy(buffer, grown, used);
            buffer = grown;
        }
    }
}
