using Mosel.Experiments.Configuration;
using Mosel.Experiments.Errors;

namespace Mosel.Experiments.Tests;

/// <summary>
/// One row per validation rule of an experiment config: the override that breaks it, and the key and words
/// of the one-line error. A rule that stops firing, or fires with another key, fails its row.
/// </summary>
public sealed class ValidationRuleTests
{
    private static readonly string s_smoke = Repo.PathOf("experiments/configs/smoke.yaml");
    private static readonly string s_poissonConfig = Repo.PathOf("experiments/configs/fig7.yaml");

    public static TheoryData<string, string[], string> Rules => new()
    {
        // config (smoke = trace arrivals, fig7 = poisson), overrides, expected "key: words"
        { "smoke", ["name=has space"], "name: 'has space' is not a plain name" },
        { "smoke", ["profile=nowhere.yaml"], "nowhere.yaml: profile file not found" },
        { "smoke", ["policies=[]"], "policies: list at least one policy" },
        { "smoke", ["policies=[magic]"], "policies: unknown policy 'magic'" },
        { "smoke", ["policies=[none, none]"], "policies: a policy is listed twice" },
        { "smoke", ["profile=../../profiles/tvlt.cpu-tiny.yaml", "policies=[fp16]"], "policies: policy 'fp16' needs a fp16 latency table" },
        { "smoke", ["seeds=[]"], "seeds: list between 1 and 10000 seeds, found 0" },
        { "smoke", ["seeds=[1, 1]"], "seeds: a seed is listed twice" },
        { "smoke", ["workload.arrivals=weekly"], "workload.arrivals: must be 'trace', 'poisson' or 'fixed', found 'weekly'" },
        { "smoke", ["workload.loads_qps=[]"], "workload.loads_qps: list at least one load" },
        { "smoke", ["workload.loads_qps=[0]"], "workload.loads_qps[0]: a load must be a positive number" },
        { "smoke", ["workload.loads_qps=[.nan]"], "workload.loads_qps[0]: a load must be a positive number" },
        { "smoke", ["workload.load_scaling=median"], "workload.load_scaling: must be 'mean' or 'peak', found 'median'" },
        { "smoke", ["workload.duration_s=10"], "workload.duration_s: only used with arrivals: poisson or fixed" },
        { "smoke", ["workload.trace.spacing=random"], "workload.trace.spacing: must be 'even' or 'by_size', found 'random'" },
        { "smoke", ["workload.producer.adjust_ms=2"], "workload.producer: only used with arrivals: fixed" },
        { "smoke", ["scheduler.engine=turbo"], "scheduler.engine: must be 'ideal' or 'reference', found 'turbo'" },
        { "smoke", ["scheduler.reference.solve_ms=10"], "scheduler.reference: only used with engine: reference" },
        { "smoke", ["scheduler.engine=reference", "policies=[aggressive]"], "policies: policy 'aggressive' has no monitor loop in the reference engine" },
        { "smoke", ["scheduler.engine=reference", "scheduler.workers=2"], "scheduler.workers: the reference engine has one worker" },
        { "smoke", ["scheduler.engine=reference", "policies=[slackfit]"], "policies: policy 'slackfit' has no monitor loop in the reference engine" },
        { "smoke", ["scheduler.engine=reference", "policies=['static:audio']"], "policies: policy 'static:audio' has no monitor loop in the reference engine" },
        { "smoke", ["scheduler.engine=reference", "scheduler.infaas.period_ms=500"], "scheduler.infaas: only used with engine: ideal" },
        { "smoke", ["scheduler.engine=reference", "scheduler.proteus.smoothing=0.2"], "scheduler.proteus: only used with engine: ideal" },
        { "smoke", ["policies=['static:text']"], "policies: policy 'static:text': 'text' is not a configuration of tvlt (audio+video, audio, video)" },
        { "smoke", ["policies=['static:video+audio']"], "policies: policy 'static:video+audio': write the configuration as the profile names it, 'static:audio+video'" },
        { "smoke", ["policies=['static:audio@fp64']"], "policies: unknown policy 'static:audio@fp64'" },
        { "smoke", ["profile=../../profiles/tvlt.cpu-tiny.yaml", "policies=['static:audio@fp16']"], "policies: policy 'static:audio@fp16' needs a fp16 latency table" },
        { "smoke", ["scheduler.infaas.period_ms=0"], "scheduler.infaas.period_ms: must be in [0.01, 1000000000], found 0" },
        { "smoke", ["scheduler.infaas.downgrade_utilisation=1.5"], "scheduler.infaas.downgrade_utilisation: must be in (0, 1], found 1.5" },
        { "smoke", ["scheduler.infaas.upgrade_utilisation=0.9"], "scheduler.infaas.upgrade_utilisation: must be in (0, downgrade_utilisation)" },
        { "smoke", ["scheduler.infaas.hysteresis_periods=0"], "scheduler.infaas.hysteresis_periods: must be in [1, 1000], found 0" },
        { "smoke", ["scheduler.infaas.violation_share=1"], "scheduler.infaas.violation_share: must be in [0, 1), found 1" },
        { "smoke", ["scheduler.proteus.period_ms=-1"], "scheduler.proteus.period_ms: must be in [0.01, 1000000000], found -1" },
        { "smoke", ["scheduler.proteus.utilisation=0"], "scheduler.proteus.utilisation: must be in (0, 1], found 0" },
        { "smoke", ["scheduler.proteus.smoothing=.nan"], "scheduler.proteus.smoothing: must be in (0, 1], found NaN" },
        { "smoke", ["scheduler.engine=reference", "scheduler.solver=ortools"], "scheduler.solver: the reference engine solves its re-plans with the exact solver" },
        { "smoke", ["scheduler.engine=reference", "scheduler.reference.solve_time=sometimes"], "scheduler.reference.solve_time: must be 'fixed' or 'measured', found 'sometimes'" },
        { "smoke", ["scheduler.engine=reference", "scheduler.reference.solve_ms=-1"], "scheduler.reference.solve_ms: must be in [0, 60000], found -1" },
        { "smoke", ["scheduler.engine=reference", "scheduler.reference.maximize_loop_ms=-1"], "scheduler.reference.maximize_loop_ms: must be in [0, 1000000000], found -1" },
        { "smoke", ["scheduler.engine=reference", "scheduler.reference.warmup_jobs=-1"], "scheduler.reference.warmup_jobs: must be in [0, 1000], found -1" },
        { "smoke", ["scheduler.engine=reference", "scheduler.decision_time_ms=5"], "scheduler.decision_time_ms: only used with engine: ideal" },
        { "smoke", ["scheduler.engine=reference", "executor.clock=wall"], "executor.clock: the reference engine runs on the simulated clock" },
        { "smoke", ["workload.trace.smooth_s=-1"], "workload.trace.smooth_s: must be in [0, 86400], found -1" },
        { "smoke", ["workload.trace.smooth_s=100000"], "workload.trace.smooth_s: must be in [0, 86400]" },
        { "smoke", ["workload.trace.start_s=270"], "workload.trace.start_s: must lie inside the trace" },
        { "smoke", ["workload.trace.start_s=-1"], "workload.trace.start_s: must lie inside the trace" },
        { "smoke", ["workload.trace.duration_s=0.5"], "workload.trace.duration_s: must be in [1, 270] s, found 0.5" },
        { "smoke", ["workload.trace.duration_s=271"], "workload.trace.duration_s: must be in [1, 270] s" },
        { "smoke", ["workload.trace.qps_range=[5]"], "workload.trace.qps_range: must be [min, max] with 0 <= min < max" },
        { "smoke", ["workload.trace.qps_range=[9, 3]"], "workload.trace.qps_range: must be [min, max] with 0 <= min < max" },
        { "smoke", ["workload.trace.qps_range=[1, 9]"], "workload.trace.qps_range: give either qps_range or loads_qps, not both" },
        { "smoke", ["workload.trace.format=weekly"], "workload.trace.format: unknown format 'weekly'" },
        { "smoke", ["workload.job_size.distribution=uniform"], "workload.job_size.distribution: must be 'normal' or 'fixed', found 'uniform'" },
        { "smoke", ["workload.job_size.distribution=fixed", "workload.job_size.size=0"], "workload.job_size.size: must be >= 1, found 0" },
        { "smoke", ["workload.job_size.std=0"], "workload.job_size.std: must be in (0, 1000000], found 0" },
        { "smoke", ["workload.job_size.mean=.inf"], "workload.job_size.mean: must be in [-1000000, 1000000]" },
        { "smoke", ["workload.job_size.max=0"], "workload.job_size.max: must be >= 1, found 0" },
        { "smoke", ["workload.job_size.max=33"], "workload.job_size.max: job sizes go up to 33, but" },
        { "smoke", ["workload.job_size.rounding=ceil"], "workload.job_size.rounding: must be 'truncate' or 'round', found 'ceil'" },
        { "smoke", ["workload.slack_ms=-1"], "workload.slack_ms: must be in [0, 1000000000], found -1" },
        { "smoke", ["workload.accuracy_target.min=1.2", "workload.accuracy_target.max=1.3"], "workload.accuracy_target.min: must be in [0, 1], found 1.2" },
        { "smoke", ["workload.accuracy_target.min=0.7", "workload.accuracy_target.max=0.6"], "workload.accuracy_target: min (0.7) must not exceed max (0.6)" },
        { "smoke", ["workload.accuracy_target.max=0.75"], "workload.accuracy_target.max: infeasible accuracy target: 0.75 is above the best configuration" },
        { "smoke", ["workload.accuracy_target.per=request"], "workload.accuracy_target.per: must be 'run' or 'job', found 'request'" },
        { "smoke", ["scheduler.workers=0"], "scheduler.workers: must be in [1, 1024], found 0" },
        { "smoke", ["scheduler.grace_ms=-1"], "scheduler.grace_ms: must be in [0, 1000000000], found -1" },
        { "smoke", ["scheduler.monitor_interval_ms=-5"], "scheduler.monitor_interval_ms: must be 0 (off) or in [0.01, 1000000000], found -5" },
        { "smoke", ["scheduler.decision_time=sometimes"], "scheduler.decision_time: must be 'measured', 'fixed' or 'none', found 'sometimes'" },
        { "smoke", ["scheduler.decision_time_ms=-1"], "scheduler.decision_time_ms: must be in [0, 60000], found -1" },
        { "smoke", ["scheduler.margin=0"], "scheduler.margin: must be in (0, 1], found 0" },
        { "smoke", ["scheduler.margin=1.01"], "scheduler.margin: must be in (0, 1], found 1.01" },
        { "smoke", ["scheduler.solver=gurobi"], "scheduler.solver: must be 'exact' or 'ortools', found 'gurobi'" },
        { "smoke", ["scheduler.solver_time_limit_ms=0"], "scheduler.solver_time_limit_ms: must be in (0, 60000], found 0" },
        { "smoke", ["scheduler.solver_resolution_us=0.01"], "scheduler.solver_resolution_us: must be in [0.1, 1000000], found 0.01" },
        { "smoke", ["scheduler.drain_s=-1"], "scheduler.drain_s: must be in [0, 31622400], found -1" },
        { "smoke", ["executor.kind=onnx"], "executor.kind: must be 'profile' or 'torch', found 'onnx'" },
        { "smoke", ["executor.kind=torch", "executor.device=tpu"], "executor.device: must be 'cpu' or 'cuda', found 'tpu'" },
        { "smoke", ["executor.clock=lunar"], "executor.clock: must be 'virtual' or 'wall', found 'lunar'" },
        { "smoke", ["executor.noise_cv=-0.1"], "executor.noise_cv: must be in [0, 10], found -0.1" },
        { "smoke", ["executor.estimate_factor=0"], "executor.estimate_factor: must be in [0.01, 100], found 0" },
        { "smoke", ["executor.estimate_noise_cv=11"], "executor.estimate_noise_cv: must be in [0, 10], found 11" },
        { "smoke", ["executor.estimate_factors={speech: 0.8}"], "executor.estimate_factors.speech: not a configuration of tvlt" },
        { "smoke", ["executor.estimate_factors={audio: 0}"], "executor.estimate_factors.audio: must be in [0.01, 100], found 0" },
        { "smoke", ["output.window_s=0"], "output.window_s: must be in [0.001, 31622400] s, found 0" },
        { "smoke", ["output.records_format=arrow"], "output.records_format: must be 'csv.gz', 'csv' or 'parquet', found 'arrow'" },
        { "fig7", ["workload.loads_qps=[]"], "workload.loads_qps: list at least one load" },
        { "fig7", ["workload.duration_s=0"], "workload.duration_s: must be in (0, 31622400] s, found 0" },
        { "fig7", ["workload.trace={file: x.txt, format: per_second}"], "workload.trace: only used with arrivals: trace" },
        { "fig7", ["workload.arrivals=fixed", "workload.producer.overhead_ms=-1"], "workload.producer.overhead_ms: must be in [0, 1000000000], found -1" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void EachRuleRejectsItsCaseWithTheKeyAndWords(string config, string[] overrides, string expected)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(config == "smoke" ? s_smoke : s_poissonConfig, overrides));
        Assert.True(e.Lines.Any(l => l.Contains(expected, StringComparison.Ordinal)), $"'{expected}' is not in: {e.Message}");
        Assert.All(e.Lines, l => Assert.DoesNotContain('\n', l));
    }

    [Fact]
    public void EveryMistakeOfAConfigIsReportedInOnePassInTheOrderItsKeysAreRead()
    {
        // Three independent mistakes in three sections: three lines, workload before scheduler before output.
        ConfigException e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(s_smoke,
            ["output.window_s=0", "scheduler.workers=0", "workload.slack_ms=-1"]));
        Assert.Equal(
        [
            $"{s_smoke}: workload.slack_ms: must be in [0, 1000000000], found -1",
            $"{s_smoke}: scheduler.workers: must be in [1, 1024], found 0",
            $"{s_smoke}: output.window_s: must be in [0.001, 31622400] s, found 0",
        ], e.Lines);
    }

    [Fact]
    public void ChecksThatNeedTheProfileOrTraceRunOnlyOnceTheConfigItselfIsValid()
    {
        // The profile is not read while the config has its own mistakes: a missing profile file is not reported yet ...
        ConfigException own = Assert.Throws<ConfigException>(() => ConfigLoader.Load(s_smoke, ["profile=missing.yaml", "scheduler.workers=0"]));
        Assert.Equal([$"{s_smoke}: scheduler.workers: must be in [1, 1024], found 0"], own.Lines);
        // ... and once it is valid, every mistake found against the files is reported together.
        ConfigException files = Assert.Throws<ConfigException>(() => ConfigLoader.Load(s_smoke,
            ["workload.job_size.max=64", "workload.trace.start_s=1e7"]));
        Assert.Equal(2, files.Lines.Count);
        Assert.Contains("workload.job_size.max: job sizes go up to 64", files.Lines[0], StringComparison.Ordinal);
        Assert.Contains("workload.trace.start_s: must lie inside the trace", files.Lines[1], StringComparison.Ordinal);
    }
}
