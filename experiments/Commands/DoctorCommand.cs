using System.CommandLine;
using Mosel.Executor.Native;
using Mosel.Experiments.Datasets;
using Spectre.Console;
using Mosel.Experiments.Profiling;

namespace Mosel.Experiments.Commands;

/// <summary><c>mosel doctor</c>: which libtorch loads, from where, and which devices it sees; and whether the dataset build's programs and fonts are installed.</summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var device = new Option<string>("--device") { Description = "cpu or cuda: what must work", DefaultValueFactory = _ => "cpu" };
        var libtorch = new Option<string?>("--libtorch") { Description = $"libtorch lib folder (else ${LibTorchLoader.EnvironmentVariable}, NuGet CPU libtorch, PyTorch install)" };
        var command = new Command("doctor", "Show the libtorch folder and version, and the CUDA devices, that real execution would use, and what mosel dataset build needs") { device, libtorch };
        command.SetAction(parse => CommandLineErrors.Guard(() =>
        {
            LibTorchStatus status = LibTorchLoading.Load(CliParsers.Device(parse.GetValue(device)!), parse.GetValue(libtorch));
            var table = new Table().Border(TableBorder.Rounded).AddColumns("", "");
            table.AddRow("libtorch folder", Markup.Escape(status.Folder));
            table.AddRow("found through", Markup.Escape(status.Source));
            table.AddRow("libtorch version", Markup.Escape(status.Version));
            table.AddRow("LibTorchSharp", Markup.Escape(status.LibTorchSharp + (status.LibTorchSharpPatched ? " (copy with GLIBCXX_3.4.32 made weak for this libstdc++)" : "")));
            table.AddRow("CPU", Markup.Escape(DeviceDescription.Of(TorchDevice.Cpu)));
            table.AddRow("CUDA available", status.CudaAvailable ? $"yes, {status.CudaDevices} device(s)" : "no");
            if (status.CudaAvailable)
            {
                table.AddRow("GPU", Markup.Escape(DeviceDescription.Of(TorchDevice.Cuda)));
            }
            foreach (string tried in status.Tried)
            {
                table.AddRow("also tried", Markup.Escape(tried));
            }
            foreach ((string program, string package) in SpeechSynthesizer.Tools)
            {
                string? path = SpeechSynthesizer.FindOnPath(program);
                table.AddRow($"{program} (dataset build)", path is null ? $"[yellow]missing[/]: apt-get install {package}" : Markup.Escape(path));
            }
            int fonts = DigitImageRenderer.Fonts().Count;
            table.AddRow("digit fonts (dataset build)", fonts == 0 ? "[yellow]missing[/]: apt-get install fonts-dejavu-core fonts-liberation" : $"{fonts} of {DigitImageRenderer.FontCount}");
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}
