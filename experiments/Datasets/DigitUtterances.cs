using Mosel.Experiments.Formats;

namespace Mosel.Experiments.Datasets;

/// <summary>
/// Which utterance each sample of a digits dataset was cut from (samples.csv): samples of one utterance share its sound
/// and voice, so their answers are correlated and an interval must treat the utterance, not the sample, as the unit.
/// </summary>
public static class DigitUtterances
{
    /// <summary>Sample id → utterance, named "label/utterance" (utterances are numbered per digit).</summary>
    public static IReadOnlyDictionary<long, string> Read(string folder)
    {
        CsvTable samples = CsvTable.Read(Path.Combine(folder, DigitDatasetFiles.SamplesFile));
        int id = samples.Column(DigitDatasetFiles.IdColumn);
        int label = samples.Column(DigitDatasetFiles.LabelColumn);
        int utterance = samples.Column(DigitDatasetFiles.UtteranceColumn);
        return samples.Rows.ToDictionary(r => (long)samples.Number(r, id), r => $"{r[label]}/{r[utterance]}");
    }
}
