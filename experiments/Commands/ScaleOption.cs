using System.CommandLine;
using System.Globalization;
using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Commands;

/// <summary><c>--scale S</c>: the figures' PNG resolution, S times the default 720 x 460 pixels (2 for print); the layout is the same.</summary>
public sealed record ScaleOption(Option<double> Scale)
{
    private const double Min = 0.5;
    private const double Max = 8;

    public static ScaleOption Create() => new(new Option<double>("--scale")
    {
        Description = $"PNG resolution: S times the default (720 x 460 px per figure; 2 for print, about 192 dpi at a 3.75-inch width), in [{Min}, {Max}]",
        DefaultValueFactory = _ => 1,
    });

    public double Read(ParseResult parse)
    {
        double scale = parse.GetValue(Scale);
        return scale is >= Min and <= Max
            ? scale
            : throw new ConfigException(string.Create(CultureInfo.InvariantCulture, $"--scale: must be in [{Min}, {Max}], found {scale}"));
    }
}
