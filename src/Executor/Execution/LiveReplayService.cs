using System.Collections.Concurrent;
using System.Diagnostics;
using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Executor.Execution;

/// <summary>
/// The wall clock for a live replay: one thread per worker runs the jobs the engine starts (real
/// forward passes with the torch executor; with a replayed profile the thread sleeps for the profiled
/// time), while the engine's thread keeps taking arrivals and running the policy's solver.
/// </summary>
public sealed class LiveReplayService : IRealTimeService, IDisposable
{
    private readonly IExecutor _executor;
    private readonly Precision _precision;
    private readonly bool _sleepForServiceTime;
    private readonly Stopwatch _clock = new();
    private readonly BlockingCollection<(int Worker, double Finish)> _completions = new();
    private readonly BlockingCollection<(Job Job, double StartedAt)>[] _inboxes;
    private readonly Thread[] _threads;
    private volatile Exception? _failure;

    /// <param name="sleepForServiceTime">True when the executor only computes a duration (profile replay) and the worker should wait it out.</param>
    /// <param name="workerThreadScope">Set-up that must happen on each worker thread itself (libtorch's thread settings, a
    /// warm-up on the thread that will run the forward passes), undone when the thread ends. The constructor returns once
    /// every worker has set up.</param>
    public LiveReplayService(IExecutor executor, Precision precision, int workers, bool sleepForServiceTime, Func<IDisposable?>? workerThreadScope = null)
    {
        _executor = executor;
        _precision = precision;
        _sleepForServiceTime = sleepForServiceTime;
        _inboxes = Enumerable.Range(0, workers).Select(_ => new BlockingCollection<(Job, double)>()).ToArray();
        using var ready = new CountdownEvent(workers);
        _threads = Enumerable.Range(0, workers).Select(w => new Thread(() => Serve(w, workerThreadScope, ready)) { IsBackground = true, Name = $"mosel-worker-{w}" }).ToArray();
        foreach (Thread thread in _threads)
        {
            thread.Start();
        }
        ready.Wait();
        if (_failure is not null)
        {
            Dispose();
            ThrowIfFailed();
        }
    }

    public double Now => _clock.Elapsed.TotalSeconds;

    // Set-up (building the run, loading weights, the first JIT) happens before this, so the first arrivals are not late.
    public void BeginReplay() => _clock.Restart();

    public void Start(int worker, Job job) => _inboxes[worker].Add((job, Now));

    public bool WaitForCompletion(double untilSeconds, out int worker, out double finishSeconds)
    {
        ThrowIfFailed();
        (int Worker, double Finish) completion;
        bool got;
        if (double.IsPositiveInfinity(untilSeconds))
        {
            completion = _completions.Take();
            got = true;
        }
        else
        {
            // Timed waits can end up to a millisecond early (tick-based timeouts): wait again until the clock is there.
            while (true)
            {
                double wait = untilSeconds - Now;
                got = _completions.TryTake(out completion, wait <= 0 ? 0 : (int)Math.Ceiling(wait * 1000));
                if (got || wait <= 0)
                {
                    break;
                }
            }
        }
        ThrowIfFailed();
        worker = completion.Worker;
        finishSeconds = completion.Finish;
        return got;
    }

    private void Serve(int worker, Func<IDisposable?>? workerThreadScope, CountdownEvent ready)
    {
        IDisposable? scope;
        try
        {
            scope = workerThreadScope?.Invoke();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _failure = e;
            ready.Signal();
            return;
        }
        ready.Signal();
        using (scope)
        {
            foreach ((Job job, double startedAt) in _inboxes[worker].GetConsumingEnumerable())
            {
                try
                {
                    double seconds = _executor.Execute(job, _precision);
                    if (_sleepForServiceTime)
                    {
                        // Wait until the profiled finish time counted from the hand-off, so the thread's wake-up
                        // delay and the hand-off itself are not added on top of every job's service time.
                        double remaining = startedAt + seconds - Now;
                        if (remaining > 0)
                        {
                            Thread.Sleep(TimeSpan.FromSeconds(remaining));
                        }
                    }
                    _completions.Add((worker, Now));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    _failure = e;
                    // Wake the engine so it sees the failure instead of waiting for a completion that will not come.
                    _completions.Add((worker, Now));
                    return;
                }
            }
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException($"a worker failed during the live replay: {_failure.Message}", _failure);
        }
    }

    public void Dispose()
    {
        foreach (BlockingCollection<(Job, double)> inbox in _inboxes)
        {
            inbox.CompleteAdding();
        }
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }
        foreach (BlockingCollection<(Job, double)> inbox in _inboxes)
        {
            inbox.Dispose();
        }
        _completions.Dispose();
    }
}
