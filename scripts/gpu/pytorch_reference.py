"""PyTorch-eager timings of the TVLT- and ViLT-like encoders at batch 32, the way
../shared/profiles measured them (CUDA events, 3 warm-ups, 10 runs, median), so TorchSharp's numbers
in profiles/*.h100.yaml can be compared on the same machine. Prints CSV to stdout."""
import statistics
import torch

torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False


def encoder():
    layer = torch.nn.TransformerEncoderLayer(768, 12, 3072, 0.0, activation="gelu")
    return torch.nn.TransformerEncoder(layer, 12)


def time(model, tokens, batch, dtype):
    x = torch.randn(tokens, batch, 768, device="cuda", dtype=dtype)
    model = model.to("cuda", dtype).eval()
    with torch.inference_mode():
        for _ in range(3):
            model(x)
        times = []
        for _ in range(10):
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            model(x)
            end.record()
            torch.cuda.synchronize()
            times.append(start.elapsed_time(end))
    return statistics.median(times)


print("model,config,tokens,precision,batch_size,median_ms")
for model, config, tokens in [("tvlt", "audio+video", 2081), ("tvlt", "audio", 513), ("tvlt", "video", 1569),
                              ("vilt", "image+text", 185), ("vilt", "image", 145), ("vilt", "text", 41)]:
    for name, dtype in [("fp32", torch.float32), ("fp16", torch.float16)]:
        print(f"{model},{config},{tokens},{name},32,{time(encoder(), tokens, 32, dtype):.3f}", flush=True)
