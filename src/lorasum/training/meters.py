"""Efficiency meters: peak memory, checkpoint size, device and versions.

    peak_memory_mib(device)  # CUDA: max_memory_allocated; CPU: the process's peak RSS
"""

from __future__ import annotations

import platform
import resource
import subprocess
import sys
from pathlib import Path

import torch


def peak_memory_mib(device: torch.device) -> float:
    """CUDA: peak memory held by tensors (max_memory_allocated); CPU: the process's peak RSS."""
    if device.type == "cuda":
        return torch.cuda.max_memory_allocated(device) / 2**20
    # ru_maxrss is in KiB on Linux (bytes on macOS): the peak resident set of this process so far.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (2**20 if sys.platform == "darwin" else 2**10)


def peak_reserved_mib(device: torch.device) -> float | None:
    """CUDA: peak memory the caching allocator held (max_memory_reserved); None on CPU."""
    return torch.cuda.max_memory_reserved(device) / 2**20 if device.type == "cuda" else None


def weights_mib(path: str | Path) -> float:
    """Size on disk of the safetensors weight files in a checkpoint directory, in MiB.

    Weights only: a real mT5 tokenizer.json is ~16 MB and would swamp a 2.8 MB adapter.
    """
    return sum(f.stat().st_size for f in Path(path).glob("*.safetensors")) / 2**20


def git_sha() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5,
                             cwd=Path(__file__).resolve().parent)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def meta_info(device: torch.device | None = None) -> dict:
    """Where and with what a result was produced: device, versions, threads."""
    import accelerate
    import peft
    import transformers

    import lorasum

    info = {"python": platform.python_version(), "platform": platform.platform(),
            "torch": torch.__version__, "transformers": transformers.__version__, "peft": peft.__version__,
            "accelerate": accelerate.__version__, "lorasum": lorasum.__version__,
            "torch_threads": torch.get_num_threads(), "device": str(device) if device else "cpu"}
    if device is not None and device.type == "cuda":
        info["gpu"] = torch.cuda.get_device_name(device)
    else:
        info["cpu"] = platform.processor() or platform.machine()
    return info
