using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Mosel.Experiments.Safety;

/// <summary>
/// SIGINT, SIGTERM and SIGHUP while Mosel writes: every staging folder or file still open is deleted,
/// earlier results stay as they were, one line says so, and the process exits 130 / 143 / 129. An output
/// already moved into place stays, and the line names it instead.
/// </summary>
public static class Interrupts
{
    public const string Message = "interrupted; nothing written";

    private static readonly ConcurrentDictionary<string, byte> s_staging = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, byte> s_committed = new(StringComparer.Ordinal);
    private static readonly Lock s_gate = new();
    private static CancellationTokenSource? s_cooperative;
    private static PosixSignal? s_requested;

    /// <summary>Installs the handlers for the life of the returned object (one command).</summary>
    public static IDisposable Install()
    {
        s_cooperative = null;
        s_requested = null;
        PosixSignalRegistration[] registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, Handle),
        ];
        return new Registrations(registrations);
    }

    /// <summary>A staging path (folder or file) to delete if a signal arrives before <see cref="Release"/>.</summary>
    public static void Track(string path) => s_staging[path] = 0;

    public static void Release(string path) => s_staging.TryRemove(path, out _);

    /// <summary>
    /// For a command that runs native code (libtorch): from now on a signal only cancels the returned token, and the
    /// command stops at its next safe point (the next batch) — exiting while libtorch runs crashes in native code. The
    /// command then unwinds through the command-line guard, which deletes its staging and exits as the signal says.
    /// </summary>
    public static CancellationToken Cooperative()
    {
        s_cooperative = new CancellationTokenSource();
        return s_cooperative.Token;
    }

    /// <summary>The signal a cooperative command was asked to stop by, or null.</summary>
    public static PosixSignal? Requested => s_requested;

    /// <summary>The exit code for a signal: 130 (SIGINT), 143 (SIGTERM) or 129 (SIGHUP).</summary>
    public static int ExitCode(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 130,
        PosixSignal.SIGTERM => 143,
        _ => 129,
    };

    /// <summary>The one line a signal prints: nothing written, or what was already in place.</summary>
    public static string Line => s_committed.IsEmpty ? Message : $"interrupted; written: {string.Join(", ", s_committed.Keys.Order(StringComparer.Ordinal))}";

    /// <summary>An output now in place: a later signal says so rather than "nothing written".</summary>
    public static void Committed(string path) => s_committed[path] = 0;

    private static void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        lock (s_gate)
        {
            if (s_cooperative is { IsCancellationRequested: false } cooperative)
            {
                s_requested = context.Signal;
                cooperative.Cancel();
                return;
            }
            foreach (string path in s_staging.Keys)
            {
                Staging.Delete(path);
            }
            Console.Error.WriteLine(Line);
            Console.Error.Flush();
            Environment.Exit(ExitCode(context.Signal));
        }
    }

    private sealed class Registrations(PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (PosixSignalRegistration registration in registrations)
            {
                registration.Dispose();
            }
            s_cooperative = null;
            s_requested = null;
        }
    }
}
