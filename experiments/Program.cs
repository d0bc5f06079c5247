return Mosel.Experiments.MoselCli.Run(args);
