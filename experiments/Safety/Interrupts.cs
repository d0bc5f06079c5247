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

    /// <summary>Installs the handlers for the life of the returned object (one command).</summary>
    public static IDisposable Install()
    {
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

    /// <summary>An output now in place: a later signal says so rather than "nothing written".</summary>
    public static void Committed(string path) => s_committed[path] = 0;

    private static void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        lock (s_gate)
        {
            foreach (string path in s_staging.Keys)
            {
                Staging.Delete(path);
            }
            Console.Error.WriteLine(s_committed.IsEmpty ? Message : $"interrupted; written: {string.Join(", ", s_committed.Keys.Order(StringComparer.Ordinal))}");
            Console.Error.Flush();
            Environment.Exit(context.Signal switch
            {
                PosixSignal.SIGINT => 130,
                PosixSignal.SIGTERM => 143,
                _ => 129,
            });
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
        }
    }
}
