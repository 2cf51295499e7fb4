"""Speed of the imaging U-Nets: training step and inference per 2D image and per 3D volume.

    PYTHONPATH=. python scripts/bench_imaging.py [--threads 2] [--repeats 3] [--device cpu|cuda]

Every figure is also given as a ratio against a baseline measured in the same process, so numbers from a busy
machine stay comparable: sliding-window inference against one whole-image forward pass of the same input, and on
CUDA, AMP (fp16 autocast) against fp32. Reports the median of ``--repeats`` runs after one warm-up, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time


def _time(fn, repeats: int) -> float:
    import torch

    fn()  # warm-up (allocations, kernel selection)
    out = []
    for _ in range(repeats):
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        t = time.perf_counter()
        fn()
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def bench(dims: int, size: int, patch: int, channels: tuple[int, ...], batch: int, device, repeats: int,
          amp: bool) -> dict:
    import torch
    from monai.inferers import sliding_window_inference
    from monai.losses import DiceCELoss
    from monai.networks.nets import UNet

    net = UNet(spatial_dims=dims, in_channels=1, out_channels=2, channels=channels,
               strides=(2,) * (len(channels) - 1), num_res_units=1, norm="INSTANCE").to(device)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
    loss_fn = DiceCELoss(to_onehot_y=True, softmax=True)
    x = torch.randn(batch, 1, *(patch,) * dims, device=device)
    y = (torch.rand(batch, 1, *(patch,) * dims, device=device) > 0.9).float()
    ac = dict(device_type=device.type, dtype=torch.float16, enabled=amp)
    scaler = torch.amp.GradScaler(device.type, enabled=amp)

    def step():
        opt.zero_grad(set_to_none=True)
        with torch.autocast(**ac):
            loss = loss_fn(net(x), y)
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()

    vol = torch.randn(1, 1, *(size,) * dims, device=device)

    def whole():
        with torch.inference_mode(), torch.autocast(**ac):
            net(vol)

    def sliding():
        with torch.inference_mode(), torch.autocast(**ac):
            sliding_window_inference(vol, (patch,) * dims, sw_batch_size=4, predictor=net, overlap=0.25,
                                     mode="gaussian")

    net.train()
    t_step = _time(step, repeats)
    net.eval()
    t_whole = _time(whole, repeats)
    t_sw = _time(sliding, repeats)
    return {"dims": dims, "input": f"{size}^{dims}", "patch": f"{patch}^{dims}", "batch": batch,
            "channels": list(channels), "amp": amp, "train_step_s": round(t_step, 4),
            "train_step_per_patch_s": round(t_step / batch, 4), "whole_forward_s": round(t_whole, 4),
            "sliding_window_s": round(t_sw, 4), "sliding_vs_whole": round(t_sw / t_whole, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--device", default=None, help="cpu or cuda (default: cuda when available)")
    args = ap.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    torch.manual_seed(0)
    configs = [  # (dims, input size, patch, channels, batch)
        (2, 256, 128, (16, 32, 64, 128), 4),
        (3, 128, 64, (8, 16, 32, 64), 2),  # the demo model's architecture
    ]
    rows = []
    for dims, size, patch, channels, batch in configs:
        row = bench(dims, size, patch, channels, batch, device, args.repeats, amp=False)
        if device.type == "cuda":
            amp_row = bench(dims, size, patch, channels, batch, device, args.repeats, amp=True)
            row["amp"] = {k: amp_row[k] for k in ("train_step_s", "whole_forward_s", "sliding_window_s")}
            row["amp_speedup_train"] = round(row["train_step_s"] / amp_row["train_step_s"], 2)
            row["amp_speedup_sliding"] = round(row["sliding_window_s"] / amp_row["sliding_window_s"], 2)
        rows.append(row)
        print(f"{dims}D {row['input']:>6}: train step (batch {batch} x {row['patch']}) {row['train_step_s']:.3f}s, "
              f"inference whole {row['whole_forward_s']:.3f}s, sliding window {row['sliding_window_s']:.3f}s "
              f"({row['sliding_vs_whole']}x whole)", flush=True)
    peak = {"peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if device.type == "cuda":
        peak["peak_cuda_mib"] = round(torch.cuda.max_memory_allocated() / 2**20, 1)
    print(json.dumps({"device": str(device), "threads": args.threads, "results": rows, **peak}, indent=1))


if __name__ == "__main__":
    main()
