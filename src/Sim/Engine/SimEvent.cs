namespace Mosel.Sim.Engine;

/// <summary>An event in the queue: its kind, and the worker or job it concerns.</summary>
internal readonly record struct SimEvent(EventKind Kind, int Argument);
