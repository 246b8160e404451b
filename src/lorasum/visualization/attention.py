"""Attention of two fine-tuned models on the same examples: maps, per-layer entropy, JS divergence.

    tok, model, _ = load_for_inference("runs/lora_en", attn_implementation="eager")
    a = collect_attention(model, tok, row["text"], row["summary"]); plot_attention_pair(a, b, None, "decoder_cross")

`collect_attention` runs one teacher-forced forward pass and keeps two kinds of maps per layer,
each [heads, queries, keys] and row-stochastic:

- `encoder_self`: encoder self-attention over the source tokens (q = k = source length);
- `decoder_cross`: decoder cross-attention, one row per summary token it predicts, over the source.

Models fine-tuned from the same base keep their heads aligned, so runs are compared head by head.
Entropy and Jensen-Shannon divergence are in nats (natural log): attention spread uniformly over
n keys has entropy log n, and JS divergence lies between 0 (identical) and log 2 (disjoint).
"""

from __future__ import annotations

import math
from itertools import combinations
from typing import Iterable

import numpy as np

from lorasum.errors import UserError
from lorasum.visualization import MAX_TICK_LABELS, colors, new_figure, no_data, thin_positions

KINDS = ("encoder_self", "decoder_cross")
ALIASES = {"encoder": "encoder_self", "self": "encoder_self", "cross": "decoder_cross", "decoder": "decoder_cross"}
KIND_LABELS = {"encoder_self": "encoder self-attention", "decoder_cross": "decoder cross-attention"}


def _array(attn) -> np.ndarray:
    if hasattr(attn, "detach"):  # a torch tensor, possibly on the GPU or in bf16
        attn = attn.detach().float().cpu().numpy()
    return np.asarray(attn, dtype=np.float64)


def _plogp(p: np.ndarray, q: np.ndarray | None = None) -> np.ndarray:
    """p * log(p / q) elementwise (q = 1 when None), with 0 log 0 = 0."""
    q = np.ones_like(p) if q is None else q
    out = np.zeros_like(p)
    mask = p > 0
    out[mask] = p[mask] * np.log(p[mask] / q[mask])
    return out


def attention_entropy(attn) -> np.ndarray:
    """Shannon entropy (nats) of each attention row.

    Args:
        attn: [..., keys] probabilities (numpy or torch), e.g. [heads, q, k] or [layers, heads, q, k].
    Returns:
        [...] (the key axis reduced): log(k) for a uniform row, 0 for a one-hot row. Average over
        the leading axes as needed (`.mean()` for one number per map).
    """
    p = _array(attn)
    return -_plogp(p).sum(axis=-1)


def js_divergence(p, q) -> np.ndarray:
    """Jensen-Shannon divergence (nats) between matching attention rows of two runs.

    JS(p, q) = KL(p || m) / 2 + KL(q || m) / 2 with m = (p + q) / 2: symmetric, 0 for identical
    rows, log 2 for rows with disjoint support.

    Args:
        p, q: [..., keys] probabilities of the same shape.
    Returns:
        [...] (the key axis reduced), clipped to [0, log 2] against rounding.
    Raises:
        ValueError: the shapes differ.
    """
    p, q = _array(p), _array(q)
    if p.shape != q.shape:
        raise ValueError(f"attention shapes differ: {p.shape} vs {q.shape}: compare the same example "
                         "tokenized by the same tokenizer")
    m = (p + q) / 2
    js = 0.5 * _plogp(p, m).sum(axis=-1) + 0.5 * _plogp(q, m).sum(axis=-1)
    return np.clip(js, 0.0, math.log(2))


def collect_attention(model, tokenizer, source: str, summary: str, max_source_length: int = 512,
                      max_target_length: int | None = None) -> dict:
    """One teacher-forced forward pass with output_attentions=True: the maps of every layer.

    The model must be loaded with attn_implementation="eager": SDPA (the default) computes no
    attention maps. Dropout is switched off for the pass and the model's mode restored after.

    Args:
        source, summary: one example's text and reference (or generated) summary.
        max_source_length, max_target_length: token limits; longer inputs are truncated and the
            result says so (max_target_length None keeps the whole summary).
    Returns:
        {"encoder_self": [layers x tensor[heads, src, src]], "decoder_cross": [layers x tensor[heads,
        tgt, src]] (float32, CPU), "source_tokens", "summary_tokens" (the tokens each decoder row
        predicts), "source_length" (before truncation), "truncated", "summary_truncated",
        "max_source_length"}.
    Raises:
        UserError: the model returned no attention maps.
    """
    import torch

    full_length = len(tokenizer(source)["input_ids"])
    enc = tokenizer(source, max_length=max_source_length, truncation=True, return_tensors="pt")
    target_kwargs = {"max_length": max_target_length, "truncation": True} if max_target_length else {}
    labels = tokenizer(text_target=summary, return_tensors="pt", **target_kwargs)["input_ids"]
    full_target = len(tokenizer(text_target=summary)["input_ids"])
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            out = model(input_ids=enc["input_ids"].to(device), attention_mask=enc["attention_mask"].to(device),
                        labels=labels.to(device), output_attentions=True, return_dict=True)
    finally:
        model.train(was_training)
    maps = {"encoder_self": getattr(out, "encoder_attentions", None),
            "decoder_cross": getattr(out, "cross_attentions", None)}
    if any(not layers or any(a is None for a in layers) for layers in maps.values()):
        raise UserError("the model returned no attention maps: load it with attn_implementation=\"eager\" "
                        "(e.g. load_for_inference(path, attn_implementation=\"eager\")); SDPA computes none")
    result = {kind: [a[0].detach().float().cpu() for a in layers] for kind, layers in maps.items()}
    result.update(
        source_tokens=tokenizer.convert_ids_to_tokens(enc["input_ids"][0].tolist()),
        summary_tokens=tokenizer.convert_ids_to_tokens(labels[0].tolist()),
        source_length=full_length, truncated=full_length > max_source_length,
        summary_truncated=bool(max_target_length) and full_target > max_target_length,
        max_source_length=max_source_length,
    )
    return result


def iter_attention(model, tokenizer, examples: Iterable[dict], max_source_length: int = 512,
                   summary_key: str = "summary"):
    """collect_attention over records with `text` and `summary_key`, one at a time (for layer_statistics)."""
    for row in examples:
        yield collect_attention(model, tokenizer, row["text"], row[summary_key], max_source_length)


def _round(values) -> list[float]:
    return [round(float(v), 6) for v in values]


def layer_statistics(runs_attn: dict[str, Iterable[dict]]) -> dict:
    """Per layer: mean attention entropy of each run and mean JS divergence between each pair of runs.

    Means are over heads and query rows within an example, then over examples (each counts once).
    The runs' examples are matched by position, so every run must see the same examples in the
    same order; iterables are consumed in step, so generators (`iter_attention`) need not hold all
    N examples' maps in memory.

    Args:
        runs_attn: {run name: collect_attention results, one per example}.
    Returns:
        JSON-ready: {"runs", "n_examples", "truncated_examples", and per kind in KINDS:
        {"layers": number of layers, "entropy": {run: [per layer]}, "uniform_entropy": mean log(keys)
        (the entropy of attending to every key alike), "js_divergence": [{"a", "b", "per_layer"}]}}.
    Raises:
        UserError: no runs, no examples, unequal numbers of examples, or maps that do not match.
    """
    names = list(runs_attn)
    if not names:
        raise UserError("layer_statistics needs at least one run's attention maps")
    sums = {kind: {"entropy": {n: None for n in names}, "uniform": 0.0,
                   "js": {pair: None for pair in combinations(names, 2)}} for kind in KINDS}
    n_examples, truncated = 0, 0
    iterators = [iter(runs_attn[n]) for n in names]
    sentinel = object()
    while True:
        examples = [next(it, sentinel) for it in iterators]
        if all(e is sentinel for e in examples):
            break
        if any(e is sentinel for e in examples):
            raise UserError("the runs have different numbers of examples: collect attention on the same examples "
                            "for every run")
        n_examples += 1
        truncated += bool(examples[0].get("truncated"))
        for kind in KINDS:
            layers = [[_array(a) for a in e[kind]] for e in examples]
            if len({tuple(a.shape for a in ls) for ls in layers}) > 1:
                seen = ", ".join(f"{n} {len(ls)} x {ls[0].shape if ls else ()}" for n, ls in zip(names, layers))
                raise UserError(f"example {n_examples}: the runs' {kind} maps differ in shape ({seen}): use models "
                                "of the same architecture and tokenizer on the same examples")
            acc = sums[kind]
            for name, ls in zip(names, layers):
                ent = np.array([attention_entropy(a).mean() for a in ls])
                acc["entropy"][name] = ent if acc["entropy"][name] is None else acc["entropy"][name] + ent
            acc["uniform"] += math.log(layers[0][0].shape[-1])
            for (i, a), (j, b) in combinations(enumerate(names), 2):
                js = np.array([js_divergence(x, y).mean() for x, y in zip(layers[i], layers[j])])
                acc["js"][(a, b)] = js if acc["js"][(a, b)] is None else acc["js"][(a, b)] + js
    if not n_examples:
        raise UserError("layer_statistics got no examples: pass at least one example's attention per run")
    out = {"runs": names, "n_examples": n_examples, "truncated_examples": truncated}
    for kind, acc in sums.items():
        out[kind] = {"layers": len(acc["entropy"][names[0]]),
                     "entropy": {n: _round(v / n_examples) for n, v in acc["entropy"].items()},
                     "uniform_entropy": round(acc["uniform"] / n_examples, 6),
                     "js_divergence": [{"a": a, "b": b, "per_layer": _round(v / n_examples)}
                                       for (a, b), v in acc["js"].items()]}
    return out


def _select(result, kind: str, layer: int | None, head: int | None) -> np.ndarray:
    """One [q, k] map: a layer and head, or the mean over layers and/or heads."""
    layers = result[kind] if isinstance(result, dict) else result
    stack = np.stack([_array(a) for a in layers])  # [layers, heads, q, k]
    n_layers, n_heads = stack.shape[:2]
    if layer is not None:
        if not -n_layers <= layer < n_layers:
            raise UserError(f"layer {layer} does not exist: the model has {n_layers} layers (0-{n_layers - 1})")
        stack = stack[[layer]]
    if head is not None:
        if not -n_heads <= head < n_heads:
            raise UserError(f"head {head} does not exist: the model has {n_heads} heads (0-{n_heads - 1})")
        stack = stack[:, [head]]
    return stack.mean(axis=(0, 1))


def _ticks(ax, axis: str, labels: list[str], positions: list[int] | None = None) -> None:
    keep = thin_positions(len(labels)) if positions is None else positions
    setter = ax.set_xticks if axis == "x" else ax.set_yticks
    setter(keep, [labels[i] for i in keep], fontsize=6, rotation=90 if axis == "x" else 0)


def plot_attention_pair(a, b, tokens: tuple[list[str], list[str]] | None = None, kind: str = "decoder_cross",
                        layer: int | None = None, head: int | None = None, top_k: int | None = None,
                        names: tuple[str, str] = ("A", "B")):
    """Two runs' attention on one example side by side, and their difference (B - A).

    Args:
        a, b: collect_attention results (or their per-layer lists for `kind`) of the same example.
        tokens: (query tokens, key tokens); None takes them from `a` (summary/source tokens for
            decoder_cross, source/source for encoder_self). Tick labels are thinned to at most
            MAX_TICK_LABELS per axis.
        kind: "encoder_self" or "decoder_cross" (or their short forms "encoder", "cross").
        layer, head: one layer / head; None averages over them.
        top_k: keep only the key columns that are among the top-k of some query row in either run,
            so a long source shrinks to the tokens that matter.
    Returns:
        a Figure with five axes: A, B, B - A and two colorbars (shared A/B scale; diverging
        difference scale centred on 0).
    Raises:
        UserError: an unknown kind, layer or head, or maps of different shapes.
    """
    kind = ALIASES.get(kind, kind)
    if kind not in KINDS:
        raise UserError(f"unknown attention kind '{kind}': choose {' or '.join(KINDS)} (or encoder, cross)")
    map_a, map_b = _select(a, kind, layer, head), _select(b, kind, layer, head)
    if map_a.shape != map_b.shape:
        raise UserError(f"the two runs' maps differ in shape ({map_a.shape} vs {map_b.shape}): plot the same "
                        "example tokenized by the same tokenizer")
    if tokens is None and isinstance(a, dict):
        keys = a.get("source_tokens") or []
        tokens = (a.get("summary_tokens") if kind == "decoder_cross" else keys) or [], keys
    q_tokens, k_tokens = tokens or ([], [])
    q_tokens = list(q_tokens) if len(q_tokens) == map_a.shape[0] else [str(i) for i in range(map_a.shape[0])]
    k_tokens = list(k_tokens) if len(k_tokens) == map_a.shape[1] else [str(i) for i in range(map_a.shape[1])]
    n_keys = map_a.shape[1]
    columns = list(range(n_keys))
    if top_k is not None and 0 < top_k < n_keys:
        top = np.argsort(-np.concatenate([map_a, map_b]), axis=1)[:, :top_k]
        columns = sorted(set(top.ravel().tolist()))
        map_a, map_b, k_tokens = map_a[:, columns], map_b[:, columns], [k_tokens[c] for c in columns]
    diff = map_b - map_a
    where = (f"layer {layer}" if layer is not None else "mean over layers") + ", " + \
            (f"head {head}" if head is not None else "mean over heads")
    q_label, k_label = ("summary token (predicted)", "source token") if kind == "decoder_cross" else \
        ("source token (query)", "source token (key)")
    if len(columns) < n_keys:
        k_label += f" (top {top_k} per row: {len(columns)} of {n_keys} shown)"
    height = 2.5 + 0.1 * min(len(q_tokens), MAX_TICK_LABELS)  # inches: grows with the labels shown, then stops
    width = 2.5 + 0.07 * min(len(k_tokens), MAX_TICK_LABELS)
    fig, axes = new_figure(1, 3, width=width, height=height)
    vmax = float(max(map_a.max(), map_b.max(), 1e-12))
    dmax = float(max(np.abs(diff).max(), 1e-12))
    for ax, data, title, style in ((axes[0], map_a, names[0], {"cmap": "viridis", "vmin": 0, "vmax": vmax}),
                                   (axes[1], map_b, names[1], {"cmap": "viridis", "vmin": 0, "vmax": vmax}),
                                   (axes[2], diff, f"{names[1]} - {names[0]}",
                                    {"cmap": "RdBu_r", "vmin": -dmax, "vmax": dmax})):
        image = ax.imshow(data, aspect="auto", **style)  # default interpolation antialiases long maps when shrunk
        ax.set_title(title)
        ax.set_xlabel(k_label, fontsize="small")
        _ticks(ax, "x", k_tokens)
        _ticks(ax, "y", q_tokens)
        if ax is axes[1]:
            fig.colorbar(image, ax=axes[:2], label="attention weight", shrink=0.8)
        elif ax is axes[2]:
            fig.colorbar(image, ax=ax, label="difference in weight", shrink=0.8)
    axes[0].set_ylabel(q_label)
    fig.suptitle(f"{KIND_LABELS[kind]}: {where}")
    return fig


def plot_layer_statistics(stats: dict):
    """Entropy per layer for each run (top) and JS divergence per layer for each pair (bottom).

    Args:
        stats: the dict layer_statistics returns (or its JSON, reloaded).
    Returns:
        a Figure with four axes: entropy and JS divergence, for encoder self- and decoder cross-attention.
    """
    fig, axes = new_figure(2, 2, width=5.0, height=3.6)
    palette = dict(zip(stats.get("runs", []), colors(len(stats.get("runs", [])))))
    for col, kind in enumerate(KINDS):
        block = stats.get(kind) or {}
        ax_ent, ax_js = axes[col], axes[2 + col]
        ax_ent.set_title(f"{KIND_LABELS[kind]}: entropy")
        ax_js.set_title(f"{KIND_LABELS[kind]}: JS divergence")
        layers = list(range(block.get("layers", 0)))
        for name, values in (block.get("entropy") or {}).items():
            ax_ent.plot(layers, values, marker="o", color=palette.get(name), label=name)
        if block.get("uniform_entropy") is not None and layers:
            ax_ent.axhline(block["uniform_entropy"], color="0.5", linestyle="--", linewidth=1,
                           label="uniform over keys")
        pairs = block.get("js_divergence") or []
        for pair in pairs:
            ax_js.plot(layers, pair["per_layer"], marker="o", label=f"{pair['a']} vs {pair['b']}")
        for ax, ylabel, empty in ((ax_ent, "mean entropy (nats)", "no attention statistics"),
                                  (ax_js, "mean JS divergence (nats, at most log 2)", "JS divergence needs two runs")):
            if not layers or (ax is ax_js and not pairs):
                no_data(ax, empty)
                continue
            ax.set_xlabel("layer")
            ax.set_ylabel(ylabel)
            ax.set_xticks(layers)
            ax.set_ylim(0, ax.get_ylim()[1] * 1.1)  # from zero: autoscale would blow a 0.001 spread up to full height
            ax.legend(fontsize="small")
    n = stats.get("n_examples")
    if n:
        fig.suptitle(f"attention over {n} example{'s' if n != 1 else ''}", fontsize="medium")
    return fig
