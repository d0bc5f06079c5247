using Mosel.Executor.Native;
using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Profiling;

/// <summary>Loads libtorch for a command; a libtorch that cannot serve the device is the user's input to fix (exit 2).</summary>
public static class LibTorchLoading
{
    public static LibTorchStatus Load(TorchDevice device, string? folder)
    {
        try
        {
            return LibTorchLoader.Load(device, folder);
        }
        catch (LibTorchException e)
        {
            throw new ConfigException(e.Message, e);
        }
    }
}
