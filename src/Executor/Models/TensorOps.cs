using TorchSharp;
using static TorchSharp.torch;

namespace Mosel.Executor.Models;

/// <summary>
/// Tensor arithmetic that keeps its scalars alive. TorchSharp 0.107's <c>a + b</c> passes a temporary
/// <c>alpha = 1</c> Scalar to native code without keeping it reachable: a garbage collection started by
/// another thread during the call can finalise it and libtorch then reads a freed c10::Scalar
/// ("Expected false to be true … toFloat"). Every tensor-tensor sum in the zoo goes through here.
/// </summary>
internal static class TensorOps
{
    public static Tensor Add(Tensor a, Tensor b)
    {
        using Scalar one = 1.ToScalar();
        return a.add(b, one);
    }
}
