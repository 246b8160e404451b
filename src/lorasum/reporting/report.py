"""`lorasum report`: one self-contained report.html for an experiment directory (or any runs).

    path = write_report("outputs/demo")      # -> outputs/demo/report.html, images embedded

Everything comes from the files that runs wrote (DESIGN.md): comparison rows, aggregates, training
logs, predictions and, when `lorasum attention` was run into EXPERIMENT/attention/, its figures and
statistics. Viewing the report needs no network: images are embedded PNG, the style is inline.
"""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path

from lorasum.errors import UserError
from lorasum.io import atomic_write_text, read_json, read_jsonl

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1200px;color:#222;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
table{border-collapse:collapse;font-size:.85rem;margin:.8rem 0}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:right}
th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}img{max-width:100%;margin:.5rem 0}
.note{color:#666;font-size:.9rem}.flags{color:#b00;font-size:.8rem}.example{border:1px solid #ddd;padding:.6rem;margin:.8rem 0}
.example td{text-align:left;vertical-align:top}pre{white-space:pre-wrap}
"""


def _png(fig) -> str:
    """An <img> with the figure embedded as base64 PNG (the figure is closed afterwards)."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return f'<img alt="figure" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}">'


def _png_file(path: Path) -> str:
    return f'<img alt="{html.escape(path.stem)}" src="data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()}">'


def _table(rows: list[dict], columns: list[tuple[str, str, str]], table_id: str = "") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for _, h, _ in columns)
    body = []
    for r in rows:
        cells = []
        for key, _, fmt in columns:
            value = r.get(key)
            cells.append("<td>" + ("-" if value is None else html.escape(fmt.format(value))) + "</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    ident = f' id="{table_id}"' if table_id else ""
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _section(title: str, content: str) -> str:
    return f"<h2>{html.escape(title)}</h2>\n{content}\n"


def _setup(root: Path, rows: list[dict]) -> str:
    exp_file = root / "experiment.yaml"
    parts = []
    if exp_file.is_file():
        parts.append(f"<pre>{html.escape(exp_file.read_text(encoding='utf-8'))}</pre>")
    meta = None
    for r in rows:
        metrics = Path(r["path"]) / "train_metrics.json"
        if metrics.is_file():
            meta = read_json(metrics).get("meta_info")
            if meta:
                break
    if meta:
        parts.append(_table([meta], [(k, k, "{}") for k in meta], "setup"))
    return "".join(parts) or '<p class="note">No experiment.yaml or run metadata found.</p>'


def _examples(rows: list[dict], data_dir: Path | None, per_language: int = 3) -> str:
    """Source excerpt, reference and every system's summary with its flags, side by side."""
    out = []
    for lang in dict.fromkeys(r["test_language"] for r in rows):
        systems = [(r["run"], Path(r["predictions_file"])) for r in rows
                   if r["test_language"] == lang and Path(r["predictions_file"]).is_file()]
        if not systems:
            continue
        preds = {run: {str(p["id"]): p for p in read_jsonl(path)} for run, path in systems}
        sources = {}
        test_file = data_dir / lang / "test.jsonl" if data_dir else None
        if test_file and test_file.is_file():
            sources = {str(r["id"]): r["text"] for r in read_jsonl(test_file)}
        ids = list(next(iter(preds.values())))[:per_language]
        out.append(f"<h3>Test language: {html.escape(lang)}</h3>")
        for ident in ids:
            first = next(iter(preds.values()))[ident]
            source = sources.get(ident, "")
            excerpt = html.escape(source[:600] + (" ..." if len(source) > 600 else "")) or "<i>(source not found)</i>"
            lines = [f"<tr><th>source</th><td>{excerpt}</td></tr>",
                     f"<tr><th>reference</th><td>{html.escape(first.get('reference', ''))}</td></tr>"]
            for run, by_id in preds.items():
                p = by_id.get(ident, {})
                flags = ", ".join(p.get("flags") or [])
                lines.append(f"<tr><th>{html.escape(run)}</th><td>{html.escape(p.get('prediction', ''))}"
                             + (f' <span class="flags">[{html.escape(flags)}]</span>' if flags else "")
                             + f" <span class=\"note\">R-L {p.get('rougeL', 0):.1f}</span></td></tr>")
            out.append(f'<div class="example"><table>{"".join(lines)}</table></div>')
    return "".join(out) or '<p class="note">No predictions files found.</p>'


def write_report(root: str | Path, runs: list[str | Path] | None = None, output: str | Path | None = None) -> Path:
    """Build report.html for an experiment directory (or the given run directories).

    Raises:
        UserError: nothing evaluated to report on.
    """
    import matplotlib

    matplotlib.use("Agg")
    from lorasum.reporting.aggregate import aggregate
    from lorasum.reporting.compare import COLUMNS, NOTE, collect_rows, paired_tests
    from lorasum.visualization import charts, curves

    root = Path(root)
    if not root.is_dir():
        raise UserError(f"{root} is not a directory: pass an experiment directory (e.g. outputs/demo)")
    rows = collect_rows(runs or [root])
    paired_tests(rows)
    summary = aggregate(rows)
    sections = [_section("Setup", _setup(root, rows))]
    sections.append(_section("Results", _table(rows, COLUMNS, "results") + f'<p class="note">{html.escape(NOTE)}</p>'))
    sections.append(_section("ROUGE", _png(charts.plot_rouge(rows))))
    matrices = "".join(_png(charts.plot_cross_lingual(m, f"ROUGE-L, {name}"))
                       for name, m in summary["cross_lingual"].items())
    sections.append(_section("Cross-lingual matrix (train language x test language)",
                             matrices or '<p class="note">One language only.</p>'))
    sections.append(_section("Efficiency", _png(charts.plot_efficiency(rows))))
    if len({p.get("r") for p in summary["rank_curve"] if p.get("r") is not None}) > 1:
        sections.append(_section("ROUGE against trainable parameters", _png(charts.plot_rank_curve(summary["rank_curve"]))))
    sections.append(_section("Quality against cost (Pareto)", _png(charts.plot_pareto(rows))))

    logs, notes, conv = {}, [], []
    for run in dict.fromkeys(r["path"] for r in rows):
        log = curves.load_log(run)
        if log is None:
            notes.append(f"{Path(run).name}: no training log (not trained by lorasum), curve skipped")
            continue
        logs[Path(run).name] = log
        conv.append({"run": Path(run).name, **curves.convergence(log)})
    curve_html = _png(curves.plot_curves(logs)) if logs else ""
    if conv:
        keys = [k for k in conv[0] if k != "run"]
        curve_html += _table(conv, [("run", "run", "{}")] + [(k, k, "{:.4g}" if isinstance(conv[0][k], float) else "{}")
                                                            for k in keys])
    curve_html += "".join(f'<p class="note">{html.escape(n)}</p>' for n in notes)
    sections.append(_section("Training curves", curve_html))

    attention_dir = root / "attention"
    if attention_dir.is_dir() and any(attention_dir.glob("*.png")):
        imgs = "".join(_png_file(p) for p in sorted(attention_dir.glob("*.png")))
        stats = attention_dir / "attention_stats.json"
        if stats.is_file():
            imgs += f"<pre>{html.escape(json.dumps(read_json(stats), indent=1)[:3000])}</pre>"
        sections.append(_section("Attention", imgs))
    else:
        sections.append(_section("Attention", '<p class="note">Run `lorasum attention --runs A B ... --output-dir '
                                              f'{html.escape(str(attention_dir))}` to add attention figures.</p>'))
    data_dir = root / "data" if (root / "data").is_dir() else None
    sections.append(_section("Examples", _examples(rows, data_dir)))

    title = f"lorasum report: {root.name}"
    page = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>{''.join(sections)}</body></html>\n")
    output = Path(output) if output else root / "report.html"
    atomic_write_text(output, page)
    return output
