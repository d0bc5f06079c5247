#!/usr/bin/env bash
# Runs on the GPU machine (see README "Real execution on a GPU"): unpacks .gpu/mosel.tar.xz, points mosel
# at PyTorch's CUDA libtorch, then: doctor; profiles every zoo model at batch 1..32 in fp32 and fp16;
# times the same architectures in PyTorch eager for comparison; runs the fidelity report.
# Everything it writes goes to $OUT (the device tool brings it back).
set -uo pipefail
OUT="${OUT:-$PWD/gpu-out}"
mkdir -p "$OUT"
work=/tmp/mosel-gpu && rm -rf "$work" && mkdir -p "$work"
tar -C "$work" -xJf .gpu/mosel.tar.xz
mosel="$work/publish/mosel"
torchlib=$(python3 -c "import os, torch; print(os.path.join(os.path.dirname(torch.__file__), 'lib'))")
export MOSEL_LIBTORCH="$torchlib" LD_LIBRARY_PATH="$torchlib:${LD_LIBRARY_PATH:-}"
cd "$work/publish/repo"
"$mosel" doctor --device cuda 2>&1 | tee "$OUT/doctor.txt"
for model in tvlt vilt mbt cav-mae av-asr; do
  "$mosel" profile --model "$model" --device cuda --batch-sizes 1-32 --precisions fp32,fp16 \
    --out "$OUT/$model.h100.yaml" 2>&1 | tail -n 3 | tee -a "$OUT/profile.log"
done
python3 "$OLDPWD/scripts/gpu/pytorch_reference.py" > "$OUT/pytorch-eager.csv" 2> "$OUT/pytorch-eager.log" || echo "PyTorch reference failed" >> "$OUT/profile.log"
cp "$OUT/tvlt.h100.yaml" profiles/tvlt.h100.yaml
sed -e 's|tvlt.cpu-tiny.yaml|tvlt.h100.yaml|' -e 's|scale: tiny|scale: full|' -e 's|device: cpu|device: cuda|' \
  -e 's|loads_qps: \[400\]|loads_qps: [60]|' -e 's|slack_ms: 10|slack_ms: 55|' configs/torch-cpu-smoke.yaml > configs/fidelity-gpu.yaml
"$mosel" fidelity --config configs/fidelity-gpu.yaml --set "policies=[none, dynamic, fp16, dynamic+fp16]" --out "$OUT/fidelity" 2>&1 | tee "$OUT/fidelity.txt"
