using Mosel.Policies.Offline;
using Mosel.Policies.Online;
using Mosel.Sim.Engine;
using Mosel.Sim.Model;
using Mosel.Sim.Profiles;

namespace Mosel.Policies.Selection;

/// <summary>
/// MOSEL's online stage. Every job starts at the most accurate strategy of its size. After each
/// arrival (and monitor tick) the policy estimates each queued job's finish time in EDF order; at the
/// first job that would miss its deadline (the violator, by diff = deadline - finish &lt; 0) it re-plans
/// the jobs up to and including it, within the budget T = margin x (sum of their current latencies + diff),
/// and repeats until no estimated violation is left. A violator that no plan can save is dropped.
/// </summary>
public sealed class ModalitySelectionPolicy : ISchedulingPolicy
{
    private readonly StrategyMatrix _matrix;
    private readonly ReplanMode _mode;
    private readonly IOnlineSolver? _solver;
    private readonly OnlineSolverSettings _settings;
    private readonly IWallClock _clock;
    private double[] _freeAt = [];

    /// <param name="solver">The exact solver for <see cref="ReplanMode.Optimal"/>; null for the other modes, which need none.</param>
    public ModalitySelectionPolicy(string name, StrategyMatrix matrix, ReplanMode mode, IOnlineSolver? solver, OnlineSolverSettings settings, IWallClock clock)
    {
        if ((mode == ReplanMode.Optimal) != (solver is not null))
        {
            throw new ArgumentException($"{mode} re-planning {(solver is null ? "needs an" : "takes no")} exact solver", nameof(solver));
        }
        Name = name;
        _matrix = matrix;
        _mode = mode;
        _solver = solver;
        _settings = settings;
        _clock = clock;
    }

    public string Name { get; }

    public Precision Precision => _matrix.Estimate.Precision;

    public Strategy InitialStrategy(int size, double targetAccuracy) => _matrix.Row(size).MaxAccuracy;

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot) => Replan(snapshot);

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnTick(SchedulerSnapshot snapshot) => Replan(snapshot);

    private PolicyDecision Replan(SchedulerSnapshot snapshot)
    {
        EdfQueue queue = snapshot.Queue;
        if (FindViolator(snapshot, queue, plan: null, dropped: null, out _, out _) < 0)
        {
            return PolicyDecision.Unchanged;
        }
        long started = _clock.GetTimestamp();
        var plan = new Strategy[queue.Count];
        var dropped = new bool[queue.Count];
        for (int i = 0; i < plan.Length; i++)
        {
            plan[i] = queue[i].Strategy;
        }
        DecisionPath path = _mode switch
        {
            ReplanMode.Aggressive => DecisionPath.Aggressive,
            ReplanMode.Greedy => DecisionPath.Greedy,
            _ => _solver!.Path,
        };
        double objective = double.NaN;
        int firstViolator = -1;
        int lastFixed = -1;
        for (int round = 0; round <= queue.Count; round++)
        {
            int v = FindViolator(snapshot, queue, plan, dropped, out double diff, out double planned);
            if (v < 0)
            {
                break;
            }
            if (firstViolator < 0)
            {
                firstViolator = queue[v].Id;
            }
            if (v == lastFixed)
            {
                // The plan that should have saved it did not (several workers): give up on this job.
                dropped[v] = true;
                continue;
            }
            double budget = _settings.Margin * (planned + diff);
            (OnlineSolution solution, bool fellBack) = Solve(queue, plan, dropped, v, budget, started);
            if (fellBack)
            {
                path = DecisionPath.Greedy;
            }
            if (solution.Status != OnlineStatus.Optimal)
            {
                dropped[v] = true;
                continue;
            }
            Apply(queue, plan, dropped, v, solution);
            objective = solution.MeanAccuracy;
            lastFixed = v;
        }

        var changes = new List<StrategyChange>();
        var drops = new List<Job>();
        for (int i = 0; i < plan.Length; i++)
        {
            if (dropped[i])
            {
                drops.Add(queue[i]);
            }
            else if (!ReferenceEquals(plan[i], queue[i].Strategy))
            {
                changes.Add(new StrategyChange(queue[i], plan[i]));
            }
        }
        return new PolicyDecision(path, changes, drops, objective, firstViolator);
    }

    /// <summary>
    /// Walks the queue in EDF order, list-scheduling each job on the earliest-free worker with its planned
    /// strategy's estimated latency. Returns the first job whose estimated finish is past its deadline.
    /// </summary>
    private int FindViolator(SchedulerSnapshot snapshot, EdfQueue queue, Strategy[]? plan, bool[]? dropped, out double diff, out double planned)
    {
        int workers = snapshot.WorkerFreeAtSeconds.Count;
        if (_freeAt.Length != workers)
        {
            _freeAt = new double[workers];
        }
        for (int w = 0; w < workers; w++)
        {
            _freeAt[w] = snapshot.WorkerFreeAtSeconds[w];
        }
        planned = 0;
        for (int i = 0; i < queue.Count; i++)
        {
            if (dropped is not null && dropped[i])
            {
                continue;
            }
            int worker = 0;
            for (int w = 1; w < workers; w++)
            {
                if (_freeAt[w] < _freeAt[worker])
                {
                    worker = w;
                }
            }
            Job job = queue[i];
            double latency = (plan?[i] ?? job.Strategy).EstimatedSeconds;
            planned += latency;
            double finish = _freeAt[worker] + latency;
            _freeAt[worker] = finish;
            if (finish > job.DeadlineSeconds)
            {
                diff = job.DeadlineSeconds - finish;
                return i;
            }
        }
        diff = 0;
        return -1;
    }

    private (OnlineSolution Solution, bool FellBack) Solve(EdfQueue queue, Strategy[] plan, bool[] dropped, int violator, double budget, long started)
    {
        var items = new List<OnlineItem>();
        var current = new List<int>();
        for (int i = 0; i <= violator; i++)
        {
            if (dropped[i])
            {
                continue;
            }
            OnlineItem item = ItemFor(queue[i]);
            items.Add(item);
            current.Add(item.Row.IndexOf(plan[i]) - item.FirstFeasible);
        }
        switch (_mode)
        {
            case ReplanMode.Aggressive:
                return (new OnlineSolution(OnlineStatus.Optimal, new int[items.Count], double.NaN, double.NaN), false);
            case ReplanMode.Greedy:
                return (GreedyDowngrade.Solve(items, current, budget), false);
            default:
                OnlineSolution exact = _solver!.Solve(items, budget, () => _clock.ElapsedSeconds(started) > _settings.TimeLimitSeconds);
                return exact.Status == OnlineStatus.TimedOut
                    ? (GreedyDowngrade.Solve(items, current, budget), true)
                    : (exact, false);
        }
    }

    private void Apply(EdfQueue queue, Strategy[] plan, bool[] dropped, int violator, OnlineSolution solution)
    {
        int item = 0;
        for (int i = 0; i <= violator; i++)
        {
            if (dropped[i])
            {
                continue;
            }
            OnlineItem choices = ItemFor(queue[i]);
            plan[i] = choices.Row.Cells[choices.FirstFeasible + solution.Choices[item]];
            item++;
        }
    }

    /// <summary>The job's choices: the cells of its row that meet its target.</summary>
    private OnlineItem ItemFor(Job job)
    {
        StrategyRow row = _matrix.Row(job.Size);
        int first = row.FirstFeasible(job.TargetAccuracy);
        // A target above the row's best accuracy cannot be met: the job keeps its most accurate cell.
        return new OnlineItem(row, first < 0 ? row.Cells.Count - 1 : first);
    }
}
