#!/usr/bin/env bash
# Runs on the GPU machine (see docs/real-execution.md, "On a GPU"): unpacks .gpu/mosel.tar.xz, points mosel at PyTorch's
# CUDA libtorch, then: doctor; profiles every zoo model at batch 1..32 in fp32 and fp16; times the same
# architectures in PyTorch eager for comparison; runs the fidelity report.
# Everything it writes goes to $OUT (the device tool brings it back).
# Dry run without a GPU (after MOSEL_CPU_LIBTORCH=true scripts/gpu/publish.sh):
#   MOSEL_RUN_DEVICE=cpu MOSEL_RUN_SCALE=tiny MOSEL_RUN_BATCHES=1-4 OUT=/tmp/gpu-dry bash scripts/gpu/run.sh
set -uo pipefail
device="${MOSEL_RUN_DEVICE:-cuda}"
scale="${MOSEL_RUN_SCALE:-full}"
batches="${MOSEL_RUN_BATCHES:-1-32}"
largest=$(echo "$batches" | tr ',-' '\n\n' | sort -n | tail -n 1)
suffix=$([ "$device" = cuda ] && echo h100 || echo "$device-$scale")
OUT="${OUT:-$PWD/gpu-out}"
mkdir -p "$OUT"
scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=/tmp/mosel-gpu && rm -rf "$work" && mkdir -p "$work"
tar -C "$work" -xJf .gpu/mosel.tar.xz
mosel="$work/publish/mosel"
if torchlib=$(python3 -c "import os, torch; print(os.path.join(os.path.dirname(torch.__file__), 'lib'))" 2>/dev/null); then
  export MOSEL_LIBTORCH="$torchlib" LD_LIBRARY_PATH="$torchlib:${LD_LIBRARY_PATH:-}"
fi
cd "$work/publish/repo"
"$mosel" doctor --device "$device" 2>&1 | tee "$OUT/doctor.txt"
for model in tvlt vilt mbt cav-mae av-asr; do
  "$mosel" profile --model "$model" --device "$device" --scale "$scale" --batch-sizes "$batches" --precisions fp32,fp16 \
    --out "$OUT/$model.$suffix.yaml" 2>&1 | tail -n 3 | tee -a "$OUT/profile.log"
done
python3 "$scripts/pytorch_reference.py" > "$OUT/pytorch-eager.csv" 2> "$OUT/pytorch-eager.log" || echo "PyTorch reference failed (see pytorch-eager.log)" | tee -a "$OUT/profile.log"
cp "$OUT/tvlt.$suffix.yaml" "profiles/tvlt.$suffix.yaml"
sed -e "s|tvlt.cpu-tiny.yaml|tvlt.$suffix.yaml|" -e "s|scale: tiny|scale: $scale|" -e "s|device: cpu|device: $device|" \
  -e 's|loads_qps: \[400\]|loads_qps: [60]|' -e 's|slack_ms: 10|slack_ms: 55|' \
  experiments/configs/torch-cpu-smoke.yaml > experiments/configs/fidelity-run.yaml
"$mosel" fidelity --config experiments/configs/fidelity-run.yaml --set "policies=[none, dynamic, fp16, dynamic+fp16]" \
  --set "workload.trace.duration_s=${MOSEL_RUN_TRACE_S:-60}" --set "workload.job_size.max=$largest" --out "$OUT/fidelity" 2>&1 | tee "$OUT/fidelity.txt"
