namespace Mosel.Executor.Weights;

/// <summary>
/// A checkpoint's tensors set against a model's, after renaming: which model tensor each file tensor fills, and every
/// problem (a model tensor with no file tensor or of another shape, a file tensor with no place, two file tensors for
/// one place), each as one line naming the file and the tensor. Loading needs no problem; <c>mosel weights names</c>
/// shows the whole match.
/// </summary>
public sealed class WeightsMatch
{
    private WeightsMatch(IReadOnlyList<WeightsMatchRow> rows, IReadOnlyList<string> problems)
    {
        Rows = rows;
        Problems = problems;
    }

    /// <summary>Every model tensor (in the model's order), then the file tensors with no place in it, then those that lost a collision.</summary>
    public IReadOnlyList<WeightsMatchRow> Rows { get; }

    public IReadOnlyList<string> Problems { get; }

    /// <param name="model">The model's state-dict names and shapes, in its order.</param>
    public static WeightsMatch Of(string path, IReadOnlyList<(string Name, IReadOnlyList<long> Shape)> model, IReadOnlyList<SafetensorsEntry> file, WeightNameMap names)
    {
        var problems = new List<string>();
        var byModelName = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
        var rows = new List<WeightsMatchRow>();
        var collided = new List<WeightsMatchRow>();
        foreach (SafetensorsEntry entry in file)
        {
            string modelName = names.ModelName(entry.Name);
            if (!byModelName.TryAdd(modelName, entry))
            {
                problems.Add($"{path}: tensors '{byModelName[modelName].Name}' and '{entry.Name}' both map to the model's '{modelName}'");
                collided.Add(new WeightsMatchRow(null, null, entry.Name, entry.Shape));
            }
        }
        foreach ((string name, IReadOnlyList<long> shape) in model)
        {
            SafetensorsEntry? source = byModelName.GetValueOrDefault(name);
            rows.Add(new WeightsMatchRow(name, shape, source?.Name, source?.Shape));
            if (source is null)
            {
                problems.Add($"{path}: no tensor for the model's '{name}' ({Shape(shape)})");
            }
            else if (!source.Shape.SequenceEqual(shape))
            {
                problems.Add($"{path}: tensor '{source.Name}' has shape {Shape(source.Shape)}, the model's '{name}' needs {Shape(shape)}");
            }
        }
        var modelNames = model.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach ((string modelName, SafetensorsEntry entry) in byModelName)
        {
            if (!modelNames.Contains(modelName))
            {
                rows.Add(new WeightsMatchRow(null, null, entry.Name, entry.Shape));
                problems.Add($"{path}: tensor '{entry.Name}' has no place in the model (as '{modelName}')");
            }
        }
        rows.AddRange(collided);
        return new WeightsMatch(rows, problems);
    }

    public static string Shape(IReadOnlyList<long> shape) => $"[{string.Join(", ", shape)}]";
}
