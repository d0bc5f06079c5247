using Mosel.Sim.Model;

namespace Mosel.Sim.Metrics;

/// <summary>
/// Jobs whose requests an executor scored against labels: the measured served accuracy and share of jobs meeting
/// their target, beside what the profile predicts for the same jobs, with the spread that sampling alone gives.
/// </summary>
internal sealed class ScoreTally(IReadOnlyList<double> accuracies)
{
    private long _jobs, _requests, _correct, _jobsMeeting;
    private double _requestVariance, _expectedMeeting, _meetingVariance;

    public void Add(Job job, int correct)
    {
        ReadOnlySpan<int> counts = job.Strategy.Counts;
        _jobs++;
        _requests += job.Size;
        _correct += correct;
        if (TargetChance.Meets(correct, job.Size, job.TargetAccuracy))
        {
            _jobsMeeting++;
        }
        for (int c = 0; c < counts.Length; c++)
        {
            _requestVariance += counts[c] * accuracies[c] * (1 - accuracies[c]);
        }
        double chance = TargetChance.Of(counts, accuracies, job.TargetAccuracy);
        _expectedMeeting += chance;
        _meetingVariance += chance * (1 - chance);
    }

    public long Requests => _requests;

    /// <summary>Right answers over scored requests.</summary>
    public double MeasuredAccuracy => _requests == 0 ? double.NaN : (double)_correct / _requests;

    /// <summary>The standard deviation of <see cref="MeasuredAccuracy"/> if each request were right with its configuration's profiled accuracy.</summary>
    public double MeasuredAccuracySd => _requests == 0 ? double.NaN : Math.Sqrt(_requestVariance) / _requests;

    public double ShareMeetingTarget => _jobs == 0 ? double.NaN : (double)_jobsMeeting / _jobs;

    /// <summary>The share of scored jobs expected to measure at or above their target if the profile's accuracies are each request's chance.</summary>
    public double ExpectedShareMeetingTarget => _jobs == 0 ? double.NaN : _expectedMeeting / _jobs;

    /// <summary>The standard deviation of <see cref="ShareMeetingTarget"/> under the same assumption (jobs independent).</summary>
    public double ExpectedShareMeetingTargetSd => _jobs == 0 ? double.NaN : Math.Sqrt(_meetingVariance) / _jobs;
}
