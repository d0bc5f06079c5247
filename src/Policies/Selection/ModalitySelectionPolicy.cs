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
    private readonly Func<bool> _timeUp;
    // Working state kept between decisions (a run takes millions): worker free times, the plan being built, and the
    // re-planned jobs' choices with their places in the queue.
    private double[] _freeAt = [];
    private Strategy[] _plan = [];
    private bool[] _dropped = [];
    private readonly List<OnlineItem> _items = [];
    private readonly List<int> _positions = [];
    private long _decisionStarted;

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
        _timeUp = () => _clock.ElapsedSeconds(_decisionStarted) > _settings.TimeLimitSeconds;
    }

    public string Name { get; }

    public Precision Precision => _matrix.Estimate.Precision;

    public PolicyHooks Hooks => PolicyHooks.Arrival | PolicyHooks.Tick;

    public Strategy InitialStrategy(int size, double targetAccuracy) => _matrix.Row(size).MaxAccuracy;

    public PolicyDecision OnArrival(Job job, SchedulerSnapshot snapshot) => Replan(snapshot);

    public PolicyDecision OnDispatch(Job job, SchedulerSnapshot snapshot) => PolicyDecision.Unchanged;

    public PolicyDecision OnTick(SchedulerSnapshot snapshot) => Replan(snapshot);

    private PolicyDecision Replan(SchedulerSnapshot snapshot)
    {
        EdfQueue queue = snapshot.Queue;
        // The first round's walk over the queue as it stands also says whether anything needs re-planning at all.
        int v = FindViolator(snapshot, queue, plan: null, dropped: null, out double diff, out double planned);
        if (v < 0)
        {
            return PolicyDecision.Unchanged;
        }
        _decisionStarted = _clock.GetTimestamp();
        if (_plan.Length < queue.Count)
        {
            _plan = new Strategy[Math.Max(queue.Count, _plan.Length * 2)];
            _dropped = new bool[_plan.Length];
        }
        Strategy[] plan = _plan;
        bool[] dropped = _dropped;
        for (int i = 0; i < queue.Count; i++)
        {
            plan[i] = queue[i].Strategy;
            dropped[i] = false;
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
            if (round > 0)
            {
                v = FindViolator(snapshot, queue, plan, dropped, out diff, out planned);
            }
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
            (OnlineSolution solution, bool fellBack) = Solve(queue, plan, dropped, v, budget);
            if (fellBack)
            {
                path = DecisionPath.Greedy;
            }
            if (solution.Status != OnlineStatus.Optimal)
            {
                dropped[v] = true;
                continue;
            }
            Apply(plan, solution);
            objective = solution.MeanAccuracy;
            lastFixed = v;
        }

        List<StrategyChange>? changes = null;
        List<Job>? drops = null;
        for (int i = 0; i < queue.Count; i++)
        {
            if (dropped[i])
            {
                (drops ??= []).Add(queue[i]);
            }
            else if (!ReferenceEquals(plan[i], queue[i].Strategy))
            {
                (changes ??= []).Add(new StrategyChange(queue[i], plan[i]));
            }
        }
        return new PolicyDecision(path, changes ?? [], drops ?? [], objective, firstViolator);
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

    /// <summary>Re-plans the jobs up to the violator that are not dropped; their choices and places stay in _items and _positions for <see cref="Apply"/>.</summary>
    private (OnlineSolution Solution, bool FellBack) Solve(EdfQueue queue, Strategy[] plan, bool[] dropped, int violator, double budget)
    {
        _items.Clear();
        _positions.Clear();
        for (int i = 0; i <= violator; i++)
        {
            if (!dropped[i])
            {
                _items.Add(ItemFor(queue[i]));
                _positions.Add(i);
            }
        }
        switch (_mode)
        {
            case ReplanMode.Aggressive:
                return (new OnlineSolution(OnlineStatus.Optimal, new int[_items.Count], double.NaN, double.NaN), false);
            case ReplanMode.Greedy:
                return (GreedyDowngrade.Solve(_items, Current(plan), budget), false);
            default:
                OnlineSolution exact = _solver!.Solve(_items, budget, _timeUp);
                return exact.Status == OnlineStatus.TimedOut
                    ? (GreedyDowngrade.Solve(_items, Current(plan), budget), true)
                    : (exact, false);
        }
    }

    /// <summary>The planned cell of each job in _items, as an offset from its first feasible cell (where the greedy downgrade starts).</summary>
    private int[] Current(Strategy[] plan)
    {
        var current = new int[_items.Count];
        for (int item = 0; item < _items.Count; item++)
        {
            current[item] = _items[item].Row.IndexOf(plan[_positions[item]]) - _items[item].FirstFeasible;
        }
        return current;
    }

    private void Apply(Strategy[] plan, OnlineSolution solution)
    {
        for (int item = 0; item < _items.Count; item++)
        {
            OnlineItem choices = _items[item];
            plan[_positions[item]] = choices.Row.Cells[choices.FirstFeasible + solution.Choices[item]];
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
