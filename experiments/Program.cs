using System.CommandLine;
using Mosel.Experiments.Commands;

var root = new RootCommand("mosel — multi-modal inference serving with dynamic modality selection (MOSEL): simulator, solvers and experiments")
{
    SimulateCommand.Create(),
    BenchCommand.Create(),
};
return root.Parse(args).Invoke();
