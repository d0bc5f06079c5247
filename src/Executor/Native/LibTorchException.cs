namespace Mosel.Executor.Native;

/// <summary>LibTorch could not be loaded, or cannot do what was asked (CUDA without a GPU); the message lists what was tried.</summary>
public sealed class LibTorchException : Exception
{
    public LibTorchException(string message)
        : base(message)
    {
    }

    public LibTorchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
