namespace Mosel.Executor.Weights;

/// <summary>A model tensor and the checkpoint tensor that fills it; either side is null where the other has no partner.</summary>
public sealed record WeightsMatchRow(string? ModelName, IReadOnlyList<long>? ModelShape, string? FileName, IReadOnlyList<long>? FileShape)
{
    public bool Fits => ModelShape is not null && FileShape is not null && ModelShape.SequenceEqual(FileShape);
}
