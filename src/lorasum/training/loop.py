"""The one training loop, on accelerate, shared by every method; it measures what the comparison needs.

    metrics = train(load_run_config(values={"method.name": "lora", "train.output_dir": "runs/lora_en"}))

Methods differ only in `prepare()` (what is frozen or wrapped), hence in what the optimizer gets.
Writes into train.output_dir: config.yaml (before the first step), train_log.jsonl (one line per
optimizer step and per validation), checkpoint/ (adapter or full weights, safetensors, plus the
tokenizer) and train_metrics.json (run_info, train_info, meta_info; status running|completed|failed).
"""

from __future__ import annotations

import json
import math
import shutil
import statistics
import time
from datetime import datetime, timezone
from pathlib import Path

import torch

from lorasum.config import RunConfig, write_config
from lorasum.data.sources import read_split
from lorasum.data.tokenization import count_tokens, make_collator, tokenize_rows
from lorasum.errors import UserError
from lorasum.io import read_json, write_json
from lorasum.methods import METHODS, count_parameters
from lorasum.models.loading import load_model, load_tokenizer, resolve_name
from lorasum.training.flops import measure_matmul_ceiling, step_flops
from lorasum.training.meters import git_sha, meta_info, peak_memory_mib, peak_reserved_mib, weights_mib


def run_status(run_dir: Path) -> str | None:
    path = Path(run_dir) / "train_metrics.json"
    if not path.is_file():
        return None
    try:
        return read_json(path).get("train_info", {}).get("status")
    except UserError:
        return None


def resolve_precision(precision: str, device: torch.device) -> str:
    if precision == "auto":
        return "bf16" if device.type == "cuda" and torch.cuda.is_bf16_supported() else "fp32"
    if precision == "bf16" and device.type == "cuda" and not torch.cuda.is_bf16_supported():
        raise UserError(f"--precision bf16 asked, but {torch.cuda.get_device_name(device)} has no bf16: use fp32")
    return precision


def _optimizer(params, lr: float, weight_decay: float):
    try:  # fused AdamW: one kernel per step instead of several per parameter
        return torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay, fused=True)
    except (RuntimeError, TypeError):
        return torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay)


@torch.no_grad()
def validation_loss(model, loader, accelerator) -> float | None:
    """Mean loss per target token over the loader, summed over every process (None when empty)."""
    model.eval()
    sums = torch.zeros(2, dtype=torch.float64, device=accelerator.device)  # loss x tokens, tokens
    for batch in loader:
        n = (batch["labels"] != -100).sum()
        sums += torch.stack([model(**batch).loss.double() * n, n.double()])
    model.train()
    sums = accelerator.reduce(sums, reduction="sum")
    return float(sums[0] / sums[1]) if sums[1] > 0 else None


def train(cfg: RunConfig, *, overwrite: bool = False, progress: bool = True) -> dict:
    """Fine-tune cfg.model with cfg.method on cfg.data; returns the contents of train_metrics.json.

    Raises:
        UserError: a finished run in the output directory (without overwrite), missing data, bad model.
    """
    from accelerate import Accelerator
    from accelerate.state import AcceleratorState
    from accelerate.utils import set_seed
    from tqdm.auto import tqdm
    from transformers import get_scheduler

    run_dir = Path(cfg.train.output_dir)
    if run_status(run_dir) == "completed" and not overwrite:
        raise UserError(f"{run_dir} already holds a finished run: pass --overwrite to train it again, "
                        "or choose another --output-dir")
    method = METHODS[cfg.method.name]
    cfg.train.learning_rate = cfg.train.learning_rate or method.default_learning_rate
    cfg.model.name_or_path = resolve_name(cfg.model.name_or_path)
    train_rows = read_split(cfg.data.data_dir, cfg.data.language, "train")[: cfg.data.max_train_examples]
    val_path = Path(cfg.data.data_dir) / cfg.data.language / "validation.jsonl"
    val_rows = read_split(cfg.data.data_dir, cfg.data.language, "validation") if val_path.is_file() else []

    precision = resolve_precision(cfg.train.precision, torch.device("cuda" if torch.cuda.is_available() else "cpu"))
    # AcceleratorState is a process-wide singleton that refuses a new precision; reset it (the
    # distributed PartialState stays) so one process can train several runs (demo, experiments, tests).
    AcceleratorState._reset_state(reset_partial_state=False)
    # cpu=True without CUDA: accelerate then runs torchrun-launched processes as MULTI_CPU (gloo).
    accelerator = Accelerator(cpu=not torch.cuda.is_available(), mixed_precision="bf16" if precision == "bf16" else "no",
                              gradient_accumulation_steps=cfg.train.gradient_accumulation_steps)
    set_seed(cfg.train.seed)
    if cfg.train.gradient_checkpointing and not method.supports_gradient_checkpointing:
        raise UserError(f"--gradient-checkpointing does not work with method {method.name}: drop the flag")
    tokenizer = load_tokenizer(cfg.model.name_or_path)
    loader, val_loader = _make_loaders(cfg, tokenizer, train_rows, val_rows)
    # Optimizer steps per process: accelerate gives each of N processes every N-th batch (rounded up).
    n_proc = accelerator.num_processes
    steps_per_epoch = math.ceil(math.ceil(len(loader) / n_proc) / cfg.train.gradient_accumulation_steps)
    total_steps = steps_per_epoch * cfg.train.num_epochs
    if cfg.train.max_steps:
        total_steps = min(total_steps, cfg.train.max_steps)
    model, base_params = _load_and_prepare(cfg, method, total_steps)
    params = count_parameters(model, base_params)
    model_config = accelerator.unwrap_model(model).config
    optimizer = _optimizer([p for p in model.parameters() if p.requires_grad],
                           cfg.train.learning_rate, cfg.train.weight_decay)
    model, optimizer, loader, val_loader = accelerator.prepare(model, optimizer, loader, val_loader)
    # accelerate steps a prepared scheduler once per process at each optimizer step, so the schedule
    # is laid out in single-process steps and runs its course over the same data on N processes.
    scheduler = accelerator.prepare(get_scheduler(
        cfg.train.lr_scheduler, optimizer, num_warmup_steps=int(cfg.train.warmup_ratio * total_steps) * n_proc,
        num_training_steps=total_steps * n_proc))

    main = accelerator.is_main_process
    run_info = {"run_id": run_dir.name, "config": cfg.to_dict(), "precision": precision, "git_sha": git_sha(),
                "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "num_processes": accelerator.num_processes}
    if main:
        run_dir.mkdir(parents=True, exist_ok=True)
        if overwrite:
            shutil.rmtree(run_dir / "eval", ignore_errors=True)  # scores of the replaced model would mislead
        write_config(cfg, run_dir / "config.yaml")
        metrics = {"run_info": run_info, "train_info": {"status": "running", **params},
                   "meta_info": meta_info(accelerator.device)}
        write_json(run_dir / "train_metrics.json", metrics)
    log_file = (run_dir / "train_log.jsonl").open("w", encoding="utf-8") if main else None

    def log(row: dict) -> None:
        if log_file:
            log_file.write(json.dumps(row) + "\n")
            log_file.flush()

    step, tokens_total, step_times, losses, epoch_times, val_losses = 0, 0, [], [], [], []
    flops_total, padded_total, val_time = 0.0, 0, 0.0
    bar = tqdm(total=total_steps, desc=f"train {cfg.method.name} [{cfg.data.language}]", unit="step",
               disable=not (progress and main), dynamic_ncols=True)
    try:
        ceiling = measure_matmul_ceiling(accelerator.device.type, "bfloat16" if precision == "bf16" else "float32")
        val_before = validation_loss(model, val_loader, accelerator)
        log({"step": 0, "epoch": 0, "val_loss": val_before})
        start = time.perf_counter()
        model.train()
        for epoch in range(1, cfg.train.num_epochs + 1):
            epoch_start = time.perf_counter()
            micro_losses, micro_tokens, micro_padded, micro_flops, step_start = [], 0, 0, 0.0, time.perf_counter()
            for batch in loader:
                with accelerator.accumulate(model), accelerator.autocast():
                    loss = model(**batch).loss
                    accelerator.backward(loss)
                    grad_norm = None
                    if accelerator.sync_gradients and cfg.train.max_grad_norm > 0:
                        norm = accelerator.clip_grad_norm_(model.parameters(), cfg.train.max_grad_norm)
                        grad_norm = float(norm) if norm is not None else None  # DeepSpeed clips itself
                    optimizer.step()
                    if accelerator.sync_gradients:
                        method.after_step(model, step + 1)  # e.g. AdaLoRA's rank allocation (reads gradients)
                    scheduler.step()
                    optimizer.zero_grad(set_to_none=True)
                micro_losses.append(float(loss.detach()))
                micro_tokens += count_tokens(batch)
                micro_padded += batch["input_ids"].numel() + batch["labels"].numel()
                micro_flops += step_flops(model_config, batch["input_ids"].shape[0], batch["input_ids"].shape[1],
                                          batch["labels"].shape[1], method.trains_base_weights)
                if not accelerator.sync_gradients:
                    continue
                step += 1
                step_time = time.perf_counter() - step_start
                step_loss = sum(micro_losses) / len(micro_losses)
                if n_proc > 1:  # the loss of the global batch: mean over processes
                    step_loss = float(accelerator.reduce(torch.tensor(step_loss, device=accelerator.device),
                                                         reduction="mean"))
                if not math.isfinite(step_loss):
                    raise FloatingPointError(f"the loss became {step_loss} at step {step}: lower the learning "
                                             "rate, or use fp32 / bf16 (never fp16 with mT5)")
                tokens_total += micro_tokens
                flops_total += micro_flops
                padded_total += micro_padded
                step_times.append(step_time)
                losses.append(step_loss)
                log({"step": step, "epoch": epoch, "loss": step_loss, "lr": scheduler.get_last_lr()[0],
                     "grad_norm": grad_norm, "tokens": micro_tokens, "padded_tokens": micro_padded, "step_time_s": round(step_time, 5),
                     "tokens_per_s": round(micro_tokens / step_time, 1) if step_time > 0 else None,
                     "mfu": round(micro_flops / step_time / ceiling, 4) if step_time > 0 else None,
                     "peak_memory_mib": round(peak_memory_mib(accelerator.device), 1),
                     "elapsed_s": round(time.perf_counter() - start, 3)})
                bar.update(1)
                bar.set_postfix(loss=f"{step_loss:.3f}", tok_s=f"{micro_tokens / step_time:.0f}")
                micro_losses, micro_tokens, micro_padded, micro_flops, step_start = [], 0, 0, 0.0, time.perf_counter()
                if step >= total_steps:
                    break
            epoch_times.append(time.perf_counter() - epoch_start)
            val_start = time.perf_counter()
            val_losses.append(validation_loss(model, val_loader, accelerator))
            val_time += time.perf_counter() - val_start
            log({"step": step, "epoch": epoch, "val_loss": val_losses[-1]})
            if step >= total_steps:
                break
        train_time = time.perf_counter() - start - val_time  # training only: validation is timed apart
        bar.close()
        accelerator.wait_for_everyone()
        # Every process takes part: under FSDP / ZeRO-3 this gathers the sharded weights.
        state_dict = accelerator.get_state_dict(model)
        if main:
            checkpoint_mib = _save_checkpoint(accelerator.unwrap_model(model), tokenizer, run_dir / "checkpoint",
                                              state_dict)
    except BaseException as exc:
        bar.close()
        if main:
            status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
            metrics["train_info"].update(status=status, error=f"{type(exc).__name__}: {exc}", steps=step)
            write_json(run_dir / "train_metrics.json", metrics)
        raise
    finally:
        if log_file:
            log_file.close()

    if n_proc > 1:  # tokens and FLOPs of every process; time is wall time, so tokens/s is global
        totals = accelerator.reduce(torch.tensor([tokens_total, padded_total, flops_total], dtype=torch.float64,
                                                 device=accelerator.device), reduction="sum")
        tokens_total, padded_total, flops_total = int(totals[0]), int(totals[1]), float(totals[2])
    tail = losses[-max(1, len(losses) // 10):]
    train_info = {
        "status": "completed", "method": cfg.method.name, "language": cfg.data.language,
        "base_model": cfg.model.name_or_path, "num_train_examples": len(train_rows),
        "epochs": len(epoch_times), "steps": step, "train_time_s": round(train_time, 3),
        "validation_time_s": round(val_time, 3),
        "epoch_times_s": [round(t, 3) for t in epoch_times], "tokens": tokens_total,
        "tokens_per_s": round(tokens_total / train_time, 1) if train_time else None,
        "median_step_time_s": round(statistics.median(step_times), 5) if step_times else None,
        "peak_memory_mib": round(peak_memory_mib(accelerator.device), 1),
        "peak_memory_reserved_mib": _round(peak_reserved_mib(accelerator.device)), **params,
        # Share of the computed positions that were padding: what length grouping saves.
        "padding_fraction": round(1 - tokens_total / padded_total, 4) if padded_total else None,
        "train_flops": flops_total, "matmul_ceiling_tflops": round(ceiling / 1e12, 4),
        # MFU over the steps' own time (validation passes excluded), against N devices' ceiling.
        "mfu": round(flops_total / sum(step_times) / (ceiling * n_proc), 4) if step_times else None,
        "precision": precision, "group_by_length": cfg.train.group_by_length,
        "gradient_checkpointing": cfg.train.gradient_checkpointing,
        "first_loss": losses[0] if losses else None, "final_loss": losses[-1] if losses else None,
        "final_loss_mean_last_10pct": sum(tail) / len(tail) if losses else None,
        "val_loss_before": val_before, "val_loss": val_losses,
    }
    if main:
        train_info["checkpoint_mib"] = round(checkpoint_mib, 3)
        metrics = {"run_info": run_info, "train_info": train_info, "meta_info": meta_info(accelerator.device)}
        write_json(run_dir / "train_metrics.json", metrics)
    return {"run_info": run_info, "train_info": train_info, "is_main_process": main}


def _make_loaders(cfg: RunConfig, tokenizer, train_rows: list[dict], val_rows: list[dict]):
    """Training loader (length-grouped or shuffled, seeded) and validation loader, dynamically padded."""
    from torch.utils.data import DataLoader

    collate = make_collator(tokenizer)
    lengths = (cfg.data.max_source_length, cfg.data.max_target_length)
    features = tokenize_rows(train_rows, tokenizer, *lengths)
    generator = torch.Generator().manual_seed(cfg.train.seed)
    if cfg.train.group_by_length:
        # transformers' sampler: a seeded random permutation cut into megabatches of 50 batches,
        # each sorted by source length, so a batch pads little and the order stays random.
        from transformers.trainer_pt_utils import LengthGroupedSampler

        sampler = LengthGroupedSampler(cfg.train.batch_size, lengths=[len(f["input_ids"]) for f in features],
                                       generator=generator)
        loader = DataLoader(features, batch_size=cfg.train.batch_size, sampler=sampler, collate_fn=collate)
    else:
        loader = DataLoader(features, batch_size=cfg.train.batch_size, shuffle=True, collate_fn=collate,
                            generator=generator)
    val_loader = DataLoader(tokenize_rows(val_rows, tokenizer, *lengths), batch_size=cfg.train.batch_size,
                            collate_fn=collate)
    return loader, val_loader


def _load_and_prepare(cfg: RunConfig, method, total_steps: int):
    """The base model, loaded as the method needs (e.g. 4-bit for QLoRA), then prepared by the method.

    Returns:
        (model, parameters of the base before prepare).
    """
    model = load_model(cfg.model.name_or_path, **method.load_kwargs(cfg.method))
    base_params = count_parameters(model)["total_params"]
    if cfg.train.gradient_checkpointing:
        # Non-reentrant checkpointing passes gradients through frozen inputs, so adapters need no
        # enable_input_require_grads() hook.
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        model.config.use_cache = False
    model = method.prepare(model, cfg.method, total_steps=total_steps)
    if cfg.train.compile:
        model.compile()  # in place: no wrapper, so saved keys stay free of "_orig_mod."
    return model, base_params


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _save_checkpoint(model, tokenizer, target: Path, state_dict=None) -> float:
    """Save weights (a PeftModel saves its adapter only) and tokenizer; the old checkpoint goes only once the new one is whole."""
    staging = target.with_name(f".{target.name}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    model.save_pretrained(staging, state_dict=state_dict, safe_serialization=True)
    tokenizer.save_pretrained(staging)
    size = weights_mib(staging)
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old)
    else:
        staging.rename(target)
    return size
