namespace Mosel.Experiments.Datasets;

/// <summary>One labelled sample: how its sound and its image were made (a row of samples.csv), and its features.</summary>
public sealed record DigitSample(int Id, string Split, int Label, int Utterance, SpeechVoice Voice, double SnrDb, double OffsetSeconds,
    DigitImageStyle Image, float[] Audio, byte[] Video);
