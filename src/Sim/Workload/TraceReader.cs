using System.Globalization;

namespace Mosel.Sim.Workload;

/// <summary>
/// Reads the arrival-trace formats in traces/ from a text stream (the host opens the file). Every
/// value must be finite and non-negative and time must strictly increase; errors name file and line.
/// </summary>
public static class TraceReader
{
    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static ArrivalTrace Read(TextReader reader, string file, TraceFormat format) => format switch
    {
        TraceFormat.PerSecond => ReadCounts(reader, file, binSeconds: 1, header: false),
        TraceFormat.PerMinute => ReadCounts(reader, file, binSeconds: 60, header: true),
        TraceFormat.TimeValue => ReadTimeValue(reader, file),
        TraceFormat.Timestamps => ReadTimestamps(reader, file),
        TraceFormat.PerHour => ReadPerHour(reader, file),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static ArrivalTrace ReadCounts(TextReader reader, string file, double binSeconds, bool header)
    {
        var rates = new List<double>();
        foreach ((int lineNumber, string text) in DataLines(reader, header))
        {
            rates.Add(ParseCount(text.Trim('"'), file, lineNumber) / binSeconds);
            CheckSpan(rates.Count * binSeconds, file, lineNumber);
        }
        return Finish(file, binSeconds, rates);
    }

    private static ArrivalTrace ReadTimeValue(TextReader reader, string file)
    {
        var times = new List<double>();
        var values = new List<double>();
        foreach ((int lineNumber, string text) in DataLines(reader, header: false))
        {
            string[] fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                throw new TraceFormatException(file, lineNumber, $"expected 'seconds value', found {fields.Length} fields");
            }
            double time = ParseCount(fields[0], file, lineNumber);
            if (times.Count > 0 && time <= times[^1])
            {
                throw new TraceFormatException(file, lineNumber, $"time must strictly increase ({times[^1]} then {time})");
            }
            CheckSpan(times.Count > 0 ? time - times[0] : 0, file, lineNumber);
            times.Add(time);
            values.Add(ParseCount(fields[1], file, lineNumber));
        }
        if (times.Count == 0)
        {
            throw new TraceFormatException(file, 0, "no data");
        }
        // The last sample holds for one typical step so a sampled shape keeps its full length.
        double step = times.Count > 1 ? (times[^1] - times[0]) / (times.Count - 1) : 1;
        int seconds = Math.Max(1, (int)Math.Round(times[^1] - times[0] + step));
        var rates = new double[seconds];
        int segment = 0;
        for (int s = 0; s < seconds; s++)
        {
            double t = times[0] + s;
            while (segment < times.Count - 2 && t >= times[segment + 1])
            {
                segment++;
            }
            if (times.Count == 1 || t >= times[^1])
            {
                rates[s] = values[^1];
                continue;
            }
            double w = (t - times[segment]) / (times[segment + 1] - times[segment]);
            rates[s] = values[segment] + (w * (values[segment + 1] - values[segment]));
        }
        return new ArrivalTrace(file, 1, rates);
    }

    private static ArrivalTrace ReadTimestamps(TextReader reader, string file)
    {
        var counts = new List<double>();
        DateTime? first = null;
        DateTime previous = DateTime.MinValue;
        foreach ((int lineNumber, string text) in DataLines(reader, header: true))
        {
            string stamp = text.Split(',')[0].Trim();
            if (!DateTime.TryParseExact(stamp, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime time))
            {
                throw new TraceFormatException(file, lineNumber, $"{Quote(stamp)} is not a timestamp ({TimestampFormat})");
            }
            if (first is not null && time < previous)
            {
                throw new TraceFormatException(file, lineNumber, $"timestamps must not go back in time ({previous:O} then {time:O})");
            }
            first ??= time;
            previous = time;
            CheckSpan((time - first.Value).TotalSeconds, file, lineNumber);
            int second = (int)(time - first.Value).TotalSeconds;
            while (counts.Count <= second)
            {
                counts.Add(0);
            }
            counts[second]++;
        }
        return Finish(file, 1, counts);
    }

    private static ArrivalTrace ReadPerHour(TextReader reader, string file)
    {
        var hours = new List<DateTime>();
        var values = new List<double>();
        foreach ((int lineNumber, string text) in DataLines(reader, header: false))
        {
            string[] fields = text.Split(';');
            if (fields.Length != 2)
            {
                throw new TraceFormatException(file, lineNumber, $"expected 'timestamp;count', found {fields.Length} fields");
            }
            if (!DateTime.TryParseExact(fields[0].Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime hour))
            {
                throw new TraceFormatException(file, lineNumber, $"{Quote(fields[0])} is not a timestamp (yyyy-MM-dd HH:mm:ss)");
            }
            if (hours.Count > 0 && hour <= hours[^1])
            {
                throw new TraceFormatException(file, lineNumber, $"time must strictly increase ({hours[^1]:yyyy-MM-dd HH:mm} then {hour:yyyy-MM-dd HH:mm})");
            }
            CheckSpan(hours.Count > 0 ? (hour - hours[0]).TotalSeconds + 3600 : 3600, file, lineNumber);
            hours.Add(hour);
            values.Add(ParseCount(fields[1], file, lineNumber));
        }
        if (hours.Count == 0)
        {
            throw new TraceFormatException(file, 0, "no data");
        }
        // Missing hours are filled by linear interpolation between their neighbours.
        int span = (int)(hours[^1] - hours[0]).TotalHours + 1;
        var rates = new double[span];
        for (int i = 0; i < hours.Count; i++)
        {
            int index = (int)(hours[i] - hours[0]).TotalHours;
            rates[index] = values[i] / 3600.0;
            if (i > 0)
            {
                int previous = (int)(hours[i - 1] - hours[0]).TotalHours;
                for (int gap = previous + 1; gap < index; gap++)
                {
                    double w = (double)(gap - previous) / (index - previous);
                    rates[gap] = rates[previous] + (w * (rates[index] - rates[previous]));
                }
            }
        }
        return new ArrivalTrace(file, 3600, rates);
    }

    /// <summary>Non-empty, non-comment lines, trimmed, with their 1-based line numbers; the first one skipped when it is a header.</summary>
    private static IEnumerable<(int Line, string Text)> DataLines(TextReader reader, bool header)
    {
        int lineNumber = 0;
        bool headerSeen = !header;
        while (reader.ReadLine() is string line)
        {
            lineNumber++;
            string text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }
            yield return (lineNumber, text);
        }
    }

    private static double ParseCount(string text, string file, int line)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new TraceFormatException(file, line, $"{Quote(text)} is not a number");
        }
        if (!double.IsFinite(value))
        {
            throw new TraceFormatException(file, line, $"value must be finite, found {Quote(text)}");
        }
        if (value < 0)
        {
            throw new TraceFormatException(file, line, $"value must be non-negative, found {Quote(text)}");
        }
        return value;
    }

    private static void CheckSpan(double seconds, string file, int line)
    {
        if (seconds > ArrivalTrace.MaxDurationSeconds)
        {
            throw new TraceFormatException(file, line,
                $"the trace spans {seconds:0.###e0} s by this line, more than the {ArrivalTrace.MaxDurationSeconds / 86_400:0} days Mosel replays");
        }
    }

    /// <summary>Quotes file content in a message: control and undecodable characters shown as '?', long text cut.</summary>
    private static string Quote(string text)
    {
        const int Longest = 40;
        var quoted = new System.Text.StringBuilder("'");
        foreach (char c in text.Length > Longest ? text[..Longest] : text)
        {
            quoted.Append(char.IsControl(c) || c == '\uFFFD' || char.IsSurrogate(c) ? '?' : c);
        }
        return quoted.Append(text.Length > Longest ? "…'" : "'").ToString();
    }

    private static ArrivalTrace Finish(string file, double binSeconds, List<double> rates)
    {
        if (rates.Count == 0)
        {
            throw new TraceFormatException(file, 0, "no data");
        }
        return new ArrivalTrace(file, binSeconds, rates.ToArray());
    }
}
